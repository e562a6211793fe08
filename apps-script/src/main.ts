// The Apps Script entry points, and nothing else: each export becomes a top-level function in Code.js.
export { about } from './about';
export { doGet } from './web-app/do-get';
export { onOpen } from './menu';
export { setUpCil, setUpThisCil } from './cil/set-up-cil';
