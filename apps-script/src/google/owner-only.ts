/**
 * Leaves the spreadsheet's owner, and the person running the script, as a protection's only editors.
 * They are added first, as Google's reference shows (reference/spreadsheet/protection): one who edits
 * through a group would otherwise be locked out, and Google refuses to remove that group.
 */
export function keepToOwner(protection: GoogleAppsScript.Spreadsheet.Protection): void {
  protection.addEditor(Session.getEffectiveUser());
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
