import { describe, expect, it } from 'vitest';
import { actionResponseTree, cardTree, createCardService, editorFileScopeResponseTree } from '../../../sandbox/src/services/card-service';
import { errorOf, serviceContext } from './service-context';

const setup = () => createCardService(serviceContext());

describe('CardService card tree', () => {
  it('builds a homepage card whose tree keeps each action’s function name and parameters', () => {
    const CardService = setup();
    const logHours = CardService.newAction().setFunctionName('onLogHours').setParameters({ week: '2026-W48' });
    const card = CardService.newCardBuilder()
      .setName('home')
      .setHeader(CardService.newCardHeader().setTitle('CIL Hub').setSubtitle('Lahore CIL'))
      .addSection(
        CardService.newCardSection()
          .setHeader('This week')
          .addWidget(CardService.newDecoratedText().setTopLabel('Hours').setText('3 of 5').setWrapText(true))
          .addWidget(
            CardService.newButtonSet().addButton(
              CardService.newTextButton()
                .setText('Log hours')
                .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
                .setOnClickAction(logHours),
            ),
          ),
      )
      .addSection(
        CardService.newCardSection().addWidget(
          CardService.newTextInput().setFieldName('hours').setTitle('Hours').setHint('e.g. 1.5'),
        ),
      )
      .setFixedFooter(
        CardService.newFixedFooter().setPrimaryButton(
          CardService.newTextButton().setText('Open sheet').setOpenLink(CardService.newOpenLink().setUrl('https://docs.google.com/x')),
        ),
      )
      .build();

    expect(cardTree(card)).toEqual({
      type: 'card',
      name: 'home',
      header: { title: 'CIL Hub', subtitle: 'Lahore CIL', imageUrl: null, imageAltText: null, imageStyle: 'SQUARE' },
      sections: [
        {
          header: 'This week',
          collapsible: false,
          numUncollapsibleWidgets: null,
          widgets: [
            { type: 'decoratedText', text: '3 of 5', topLabel: 'Hours', bottomLabel: null, wrapText: true, button: null, onClick: null },
            {
              type: 'buttonSet',
              buttons: [
                {
                  type: 'textButton',
                  text: 'Log hours',
                  style: 'FILLED',
                  disabled: false,
                  onClick: { action: { functionName: 'onLogHours', parameters: { week: '2026-W48' }, loadIndicator: 'SPINNER' } },
                },
              ],
            },
          ],
        },
        {
          header: null,
          collapsible: false,
          numUncollapsibleWidgets: null,
          widgets: [{ type: 'textInput', fieldName: 'hours', title: 'Hours', hint: 'e.g. 1.5', value: null, multiline: false }],
        },
      ],
      fixedFooter: {
        primaryButton: {
          type: 'textButton',
          text: 'Open sheet',
          style: 'OUTLINED',
          disabled: false,
          onClick: { openLink: { url: 'https://docs.google.com/x', openAs: 'FULL_SIZE', onClose: 'NOTHING' } },
        },
        secondaryButton: null,
      },
    });
    expect(JSON.parse(card.printJson())).toEqual(cardTree(card));
  });

  it('copies a part when it is added, so later changes to the builder do not reach the card', () => {
    const CardService = setup();
    const paragraph = CardService.newTextParagraph().setText('before');
    const section = CardService.newCardSection().addWidget(paragraph);
    paragraph.setText('after');
    const card = CardService.newCardBuilder().addSection(section).build();
    expect(cardTree(card).sections[0]!.widgets).toEqual([{ type: 'textParagraph', text: 'before' }]);
  });

  it('keeps selection items as strings and the last of action or link set on a button', () => {
    const CardService = setup();
    const input = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.DROPDOWN)
      .setFieldName('status')
      .addItem('Present', 'present', true)
      .addItem(1, 2, false);
    const button = CardService.newTextButton()
      .setText('Go')
      .setOnClickAction(CardService.newAction().setFunctionName('f'))
      .setOpenLink(CardService.newOpenLink().setUrl('https://example.org'));
    const card = CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(input).addWidget(button)).build();
    const [selection, textButton] = cardTree(card).sections[0]!.widgets;
    expect(selection).toMatchObject({ selectionType: 'DROPDOWN', items: [{ text: 'Present', value: 'present', selected: true }, { text: '1', value: '2', selected: false }] });
    expect(textButton).toMatchObject({ onClick: { openLink: { url: 'https://example.org' } } });
  });
});

describe('CardService validation', () => {
  it('refuses a card with no section, and a section with no widget', () => {
    const CardService = setup();
    expect(errorOf(() => CardService.newCardBuilder().setHeader(CardService.newCardHeader().setTitle('t')).build())).toBe(
      'Card must have at least one section.',
    );
    expect(errorOf(() => CardService.newCardBuilder().addSection(CardService.newCardSection().setHeader('h')).build())).toBe(
      'Card section must have at least one widget.',
    );
  });

  it('refuses a button with neither action nor link, and an action without a function name', () => {
    const CardService = setup();
    const cardWith = (widget: object) => CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(widget)).build();
    expect(errorOf(() => cardWith(CardService.newTextButton().setText('Go')))).toBe('A button must have an action or a link.');
    expect(errorOf(() => cardWith(CardService.newButtonSet()))).toBe('ButtonSet must have at least one button.');
    expect(errorOf(() => cardWith(CardService.newTextButton().setText('Go').setOnClickAction(CardService.newAction())))).toBe(
      'Action must have a function name.',
    );
    expect(errorOf(() => cardWith(CardService.newTextInput()))).toBe('TextInput must have a field name.');
  });

  it('refuses action parameters that are not strings', () => {
    const CardService = setup();
    expect(errorOf(() => CardService.newAction().setParameters({ hours: 5 as unknown as string }))).toBe(
      'Action parameters must be strings; the value of "hours" is not.',
    );
  });

  it('refuses a part of the wrong kind', () => {
    const CardService = setup();
    expect(errorOf(() => CardService.newCardSection().addWidget(CardService.newAction()))).toBe('Invalid argument: widget');
    expect(errorOf(() => CardService.newTextButton().setTextButtonStyle('LOUD'))).toBe('Invalid argument: textButtonStyle');
  });
});

describe('CardService action responses', () => {
  it('builds a response with a notification and navigation the host can read', () => {
    const CardService = setup();
    const next = CardService.newCardBuilder()
      .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('Saved')))
      .build();
    const response = CardService.newActionResponseBuilder()
      .setNotification(CardService.newNotification().setText('Hours logged'))
      .setNavigation(CardService.newNavigation().popToRoot().updateCard(next))
      .setStateChanged(true)
      .build();
    expect(actionResponseTree(response)).toEqual({
      notification: { text: 'Hours logged' },
      navigation: [{ popToRoot: true }, { updateCard: cardTree(next) }],
      openLink: null,
      stateChanged: true,
    });
    expect(errorOf(() => CardService.newActionResponseBuilder().setNotification(CardService.newNotification()).build())).toBe(
      'Notification must have text.',
    );
    expect(errorOf(() => CardService.newNavigation().pushCard(CardService.newCardBuilder() as never))).toBe('Invalid argument: card');
  });
});

describe('CardService editor file scope responses', () => {
  it('asks the editor for the drive.file scope of the open document', () => {
    const CardService = setup();
    const response = CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
    expect(editorFileScopeResponseTree(response)).toEqual({ requestFileScopeForActiveDocument: true });
    expect(JSON.parse(response.printJson())).toEqual({ requestFileScopeForActiveDocument: true });
    expect(errorOf(() => CardService.newEditorFileScopeActionResponseBuilder().build())).toBe(
      'EditorFileScopeActionResponse must have a request (requestFileScopeForActiveDocument).',
    );
  });
});

describe('CardService decorated text', () => {
  it('needs a label beside its text, as the reference says', () => {
    const CardService = setup();
    const cardWith = (widget: object) => CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(widget)).build();
    expect(errorOf(() => cardWith(CardService.newDecoratedText().setText('3 of 5')))).toBe('DecoratedText must have a top or bottom label.');
    expect(() => cardWith(CardService.newDecoratedText().setText('3 of 5').setBottomLabel('hours'))).not.toThrow();
  });
});
