import type { ExecutionContext } from '../execution';
import { createSpreadsheetApp } from './spreadsheet-app';
import { createDriveApp, createMimeType } from './drive-app';
import { createDocumentApp } from './document-app';
import { createMailApp } from './mail-app';
import { createScriptApp } from './script-app';
import { createPropertiesService } from './properties-service';
import { createLockService } from './lock-service';
import { createCacheService } from './cache-service';
import { createSession } from './session';
import { createUtilities } from './utilities';
import { createContentService } from './content-service';
import { createHtmlService } from './html-service';
import { createCardService } from './card-service';
import { createLogger, createConsole } from './logger';

/** The Apps Script globals, by the name a script uses, for one execution. */
export function createServices(ctx: ExecutionContext): Record<string, object> {
  return {
    SpreadsheetApp: createSpreadsheetApp(ctx),
    DriveApp: createDriveApp(ctx),
    MimeType: createMimeType(),
    DocumentApp: createDocumentApp(ctx),
    MailApp: createMailApp(ctx),
    ScriptApp: createScriptApp(ctx),
    PropertiesService: createPropertiesService(ctx),
    LockService: createLockService(ctx),
    CacheService: createCacheService(ctx),
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    ContentService: createContentService(ctx),
    HtmlService: createHtmlService(ctx),
    CardService: createCardService(ctx),
    Logger: createLogger(ctx),
    console: createConsole(ctx),
  };
}
