import type { DriveItemState, WorkspaceState } from '../workspace';

// What the REST caller (the workspace's user) may do with a Drive item. In My Drive, sharing a folder
// shares what is inside it (developers.google.com/drive/api/guides/manage-sharing: "permissions on a
// folder are inherited by its children"), so the item's own permissions and every ancestor's count.
// Link sharing lets anyone who has the id open the item.

export type Access = 'owner' | 'writer' | 'reader' | 'none';

const RANK: Record<Access, number> = { none: 0, reader: 1, writer: 2, owner: 3 };

function ownAccess(state: WorkspaceState, item: DriveItemState, email: string): Access {
  const member = (list: string[]) => list.some((entry) => entry === email || (state.groups?.[entry]?.includes(email) ?? false));
  if (item.owner === email) return 'owner';
  if (member(item.editors)) return 'writer';
  if (member(item.viewers)) return 'reader';
  const { access, permission } = item.sharing;
  if (access === 'ANYONE' || access === 'ANYONE_WITH_LINK') return permission === 'EDIT' ? 'writer' : permission === 'NONE' ? 'none' : 'reader';
  return 'none';
}

export function accessTo(state: WorkspaceState, item: DriveItemState): Access {
  const email = state.user.email;
  let best: Access = 'none';
  const seen = new Set<string>();
  const visit = (at: DriveItemState) => {
    if (seen.has(at.id)) return;
    seen.add(at.id);
    const own = ownAccess(state, at, email);
    // Ownership of a folder gives its owner edit rights inside it, not ownership of others' files.
    const inherited: Access = at === item ? own : own === 'owner' ? 'writer' : own;
    if (RANK[inherited] > RANK[best]) best = inherited;
    for (const parent of at.parents) {
      const next = state.drive.items[parent];
      if (next) visit(next);
    }
  };
  visit(item);
  return best;
}

export const canRead = (state: WorkspaceState, item: DriveItemState) => accessTo(state, item) !== 'none';

export const canWrite = (state: WorkspaceState, item: DriveItemState) => RANK[accessTo(state, item)] >= RANK.writer;
