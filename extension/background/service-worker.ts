import { answerMessage } from './answer-messages';
import { onAlarm, onTabRemoved, startUp } from './lifecycle';
import { openFromNotification } from './reminders';
import { syncSoon } from './sync';

// Chrome wakes a stopped MV3 worker only for listeners registered synchronously at the top level, so
// this file does nothing else.
chrome.runtime.onInstalled.addListener(() => void startUp('installed'));
chrome.runtime.onStartup.addListener(() => void startUp('browser-start'));
chrome.runtime.onMessage.addListener(answerMessage);
chrome.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
chrome.tabs.onRemoved.addListener((tabId) => void onTabRemoved(tabId));
chrome.notifications.onClicked.addListener((id) => void openFromNotification(id).catch((error: unknown) => console.error('CIL Hub: opening from a notification failed', error)));
// The network came back while the worker was running: send what waited for it.
self.addEventListener('online', () => void syncSoon('online'));
