// Finding folders and files in Drive by name or id, leaving out what is in the trash: a lead who
// trashed a folder meant it gone. A folder's listings (getFiles, getFolders, …ByName, …ByType) hand
// out its trashed children too, as Drive's files.list does unless asked for "trashed = false", so
// every listing here asks each item whether it is trashed.

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;
type Iterator<T> = { hasNext(): boolean; next(): T };

/** The items of a listing that are not in the trash. */
function untrashed<T extends { isTrashed(): boolean }>(items: Iterator<T>): T[] {
  const kept: T[] = [];
  while (items.hasNext()) {
    const item = items.next();
    if (!item.isTrashed()) kept.push(item);
  }
  return kept;
}

/** The first folder called `name` directly inside `parent` (Drive allows several), or null. */
export function folderNamed(parent: Folder, name: string): Folder | null {
  const folders = parent.getFoldersByName(name);
  while (folders.hasNext()) {
    const folder = folders.next();
    if (!folder.isTrashed()) return folder;
  }
  return null;
}

/** The folder called `name` inside `parent`, made when missing; `made` says which. */
export function folderInside(parent: Folder, name: string): { folder: Folder; made: boolean } {
  const found = folderNamed(parent, name);
  return found ? { folder: found, made: false } : { folder: parent.createFolder(name), made: true };
}

/** The files called `name` directly inside `folder`. */
export const filesNamed = (folder: Folder, name: string): File[] => untrashed(folder.getFilesByName(name));

/** The files of this MIME type directly inside `folder`. */
export const filesOfType = (folder: Folder, mimeType: string): File[] => untrashed(folder.getFilesByType(mimeType));

/** The first file called `name` of this MIME type directly inside `folder`, or null. */
export function fileNamed(folder: Folder, name: string, mimeType: string): File | null {
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (file.getMimeType() === mimeType && !file.isTrashed()) return file;
  }
  return null;
}

/** Drive's "not found" is an exception; here it is null, and so is an item in the trash. */
export function folderWithId(id: string): Folder | null {
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

export function fileWithId(id: string): File | null {
  try {
    const file = DriveApp.getFileById(id);
    return file.isTrashed() ? null : file;
  } catch {
    return null;
  }
}

/** The folder a file sits in (Drive gives each file one parent now), or null for none. */
export function parentOf(file: File): Folder | null {
  const parents = file.getParents();
  return parents.hasNext() ? parents.next() : null;
}
