import { describe, expect, it } from 'vitest';
import { createHtmlService, framingOf } from '../../../sandbox/src/services/html-service';
import { errorOf, serviceContext } from './service-context';

const setup = () => createHtmlService(serviceContext());

describe('HtmlOutput', () => {
  it('appends trusted HTML as it is and untrusted text escaped', () => {
    const output = setup().createHtmlOutput('<h1>Hours</h1>');
    output.append('<p>').appendUntrusted(`<script>alert("x")</script> & 'y'`).append('</p>');
    expect(output.getContent()).toBe(
      '<h1>Hours</h1><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps title, size, framing and allowed meta tags', () => {
    const HtmlService = setup();
    const output = HtmlService.createHtmlOutput()
      .setTitle('CIL Hub')
      .setWidth(300)
      .setHeight(200)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect([output.getTitle(), output.getWidth(), output.getHeight()]).toEqual(['CIL Hub', 300, 200]);
    expect(output.getMetaTags().map((tag) => [tag.getName(), tag.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(framingOf(output)).toEqual({ sandboxMode: 'IFRAME', xFrameOptionsMode: 'ALLOWALL' });
    expect(errorOf(() => output.addMetaTag('description', 'x'))).toBe('The meta tag "description" is not allowed.');
    expect(errorOf(() => output.setSandboxMode('SAFE'))).toBe('Invalid argument: mode');
  });
});

describe('HtmlTemplate', () => {
  it('prints assigned properties: <?= ?> escaped, <?!= ?> raw, dotted paths', () => {
    const template = setup().createTemplate('<h1><?= name ?></h1><?!= banner ?><p><?= volunteer.team ?></p>');
    Object.assign(template, { name: 'Ali & <Sara>', banner: '<b>Due</b>', volunteer: { team: 'Design' } });
    expect(template.evaluate().getContent()).toBe('<h1>Ali &amp; &lt;Sara&gt;</h1><b>Due</b><p>Design</p>');
  });

  it('refuses code scriptlets and unknown names with clear errors', () => {
    const HtmlService = setup();
    expect(errorOf(() => HtmlService.createTemplate('<? for (;;) {} ?>').evaluate())).toMatch(
      /^The sandbox's HtmlTemplate evaluates only .* it cannot evaluate: <\? for \(;;\) \{\} \?>$/,
    );
    expect(errorOf(() => HtmlService.createTemplate('<?= a + b ?>').evaluate())).toMatch(/cannot evaluate: <\?= a \+ b \?>$/);
    expect(errorOf(() => HtmlService.createTemplate('<?= missing ?>').evaluate())).toBe('ReferenceError: missing is not defined');
    expect(errorOf(() => HtmlService.createTemplate('<?= open').evaluate())).toBe('Unterminated scriptlet: a <? has no matching ?>.');
  });

  it('turns an output into a template', () => {
    const template = setup().createHtmlOutput('Hi <?= who ?>').asTemplate();
    Object.assign(template, { who: 'Lead' });
    expect(template.evaluate().getContent()).toBe('Hi Lead');
    expect(template.getRawContent()).toBe('Hi <?= who ?>');
  });
});

describe('HtmlService files', () => {
  it('has no HTML files in the bundle', () => {
    expect(errorOf(() => setup().createHtmlOutputFromFile('Sidebar'))).toBe('No HTML file named Sidebar was found.');
    expect(errorOf(() => setup().createTemplateFromFile('Report'))).toBe('No HTML file named Report was found.');
  });
});
