import { render } from 'preact';
import { localisePage } from '../i18n';
import { Options } from './Options';

localisePage('optionsTitle');
render(<Options />, document.body);
