/** The objection catalog's writes on both databases: reply ids, the replacing row of a built-in entry, its audit. */
import { describe, expect, it } from 'vitest';
import { rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createObjectionType } from './create-objection-type.js';
import { listObjectionTypes } from './list-objection-types.js';
import { updateObjectionType } from './update-objection-type.js';

describe.each(engines)('objection catalog on $name', (engine) => {
  const ws = withWorkspace(engine);
  const twice = [
    { id: 'x.same', zh: '一', en: 'one' },
    { id: 'x.other', zh: '二', en: 'two' },
    { id: 'x.same', zh: '三', en: 'three' },
  ];

  it('refuses a reply id used twice, on the reply, and writes nothing', async () => {
    const entry = { key: 'competitor', kind: 'objection', labelZh: '竞品', labelEn: 'Competitor' };
    expect(
      await rejectedFields(createObjectionType(ws.deps, ws.team.manager, { ...entry, replies: twice })),
    ).toEqual(['replies.2.id']);
    expect(
      await rejectedFields(updateObjectionType(ws.deps, ws.team.manager, 'price', { replies: twice })),
    ).toEqual(['replies.2.id']);
    expect(await ws.db.selectFrom('objection_types').selectAll().execute()).toEqual([]);
  });

  it('answers the row it wrote as the catalog shows it, with new reply ids of the key', async () => {
    const edited = await updateObjectionType(ws.deps, ws.team.manager, 'price', {
      labelEn: 'Too expensive',
      replies: [{ zh: '算一笔账', en: 'Do the sums' }],
    });
    expect(edited).toMatchObject({
      key: 'price',
      builtIn: true,
      archived: false,
      version: 1,
      labelEn: 'Too expensive',
    });
    expect(edited.replies).toEqual([
      { id: expect.stringMatching(/^price\.[0-9a-f]{12}$/), zh: '算一笔账', en: 'Do the sums' },
    ]);
    const added = await createObjectionType(ws.deps, ws.team.manager, {
      key: 'competitor',
      kind: 'stall',
      labelZh: '竞品',
      labelEn: 'Competitor',
    });
    expect(added).toEqual({
      key: 'competitor',
      kind: 'stall',
      labelZh: '竞品',
      labelEn: 'Competitor',
      replies: [],
      archived: false,
      builtIn: false,
      version: 1,
    });
    const catalog = await listObjectionTypes(ws.deps, ws.team.assistant);
    expect(catalog.find((e) => e.key === 'price')).toEqual(edited);
    expect(catalog.find((e) => e.key === 'competitor')).toEqual(added);
    const audit = await ws.audit('price');
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('answers an edit of a built-in entry with its built-in kind, whatever kind its row holds', async () => {
    // A row written before the entry's kind was fixed (or by hand): the catalog and the
    // edit's answer must still say the same kind, the one the close-attempt rules use.
    await updateObjectionType(ws.deps, ws.team.manager, 'price', { labelEn: 'Price' });
    await ws.db.updateTable('objection_types').set({ kind: 'stall' }).where('key', '=', 'price').execute();
    const edited = await updateObjectionType(ws.deps, ws.team.manager, 'price', {
      labelEn: 'Too expensive',
      version: 1,
    });
    const catalog = await listObjectionTypes(ws.deps, ws.team.assistant);
    expect(edited.kind).toBe('objection');
    expect(catalog.find((e) => e.key === 'price')).toEqual(edited);
  });
});
