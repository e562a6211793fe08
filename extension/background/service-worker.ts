import { answerMessage } from './answer-messages';
import { ensureSyncAlarm } from './sync-alarm';

// Chrome wakes a stopped MV3 worker only for listeners registered synchronously at the top level, so
// this file does nothing else.
chrome.runtime.onInstalled.addListener(ensureSyncAlarm);
chrome.runtime.onStartup.addListener(ensureSyncAlarm);
chrome.runtime.onMessage.addListener(answerMessage);
