import { render } from 'preact';
import { localisePage } from '../i18n';
import { Popup } from './Popup';

localisePage('extName');
render(<Popup />, document.body);
