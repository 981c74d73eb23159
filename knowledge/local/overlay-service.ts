/**
 * What supervisors and the import command do with the local overlay: change an entry (validated
 * against the record it changes), revert a version, preview a change, and keep the catalog the
 * assistant answers from in step with what is published — at once on this instance, and on
 * others when they call `refreshIfChanged()`. The province's own procedures and the citizens'
 * wordings supervisors attach to procedures (learned phrasings) change what the retrieval index
 * reads: a refresh that finds either changed calls `changed`, which re-indexes.
 */
import type { Procedure } from '../schema.ts';
import { applyOverlay } from './apply-overlay.ts';
import type { LocalizedCatalog } from './localized-catalog.ts';
import {
  COMMUNE_FIELDS,
  EVERY_COMMUNE_PROCEDURE,
  FIELD_COLUMNS,
  OverlayChannelSchema,
  OverlayFieldsSchema,
  checkCommuneName,
  isEmptyFields,
  type OverlayChannel,
  type OverlayEntry,
  type OverlayFields,
} from './overlay.ts';
import { foldedKey } from '../language/normalize.ts';
import type { LocalProcedureStore, LocalProcedureVersion, OverlayChange, OverlayStore, OverlayVersion } from './overlay-store.ts';
import { checkLocalProcedure } from './local-procedures.ts';
import { checksumOf } from '../checksum.ts';
import { OverlayInputError, OverlayNotFoundError, type OverlayIssue } from './overlay-errors.ts';
import { checkPhrasing, phrasingsByCode, type LearnedPhrasing, type LearnedPhrasingStore } from './learned-phrasings.ts';

export { OverlayInputError, OverlayNotFoundError, type OverlayIssue } from './overlay-errors.ts';

/** A change as an editor or a spreadsheet row gives it: values still to be validated. */
export interface OverlayEdit {
  /** A procedure code; `*` (with a commune) = every commune-level procedure. */
  code: string;
  channel: string;
  /** The xã/phường of a one-stop-shop row; empty or absent = the procedure's own row. */
  commune?: string | undefined;
  /** The new values (a missing key keeps the national value); null removes the entry. */
  fields: unknown;
  author: string;
  reason: string;
  expectedVersion?: number;
}

/** A checked change: where it goes and the values (null = remove). */
export interface CheckedChange {
  channel: OverlayChannel;
  /** Set for a commune's row: the name as entered (or as an earlier row spells the same commune). */
  commune?: string;
  fields: OverlayFields | null;
}

type EditInput = Pick<OverlayEdit, 'code' | 'channel' | 'commune' | 'fields'>;

/**
 * The changed values checked against the record they change; throws OverlayInputError. A
 * commune's row sets only its one-stop shop (address, hours, phone), for a commune-level
 * procedure or, with the code `*`, for every one; `spelling` gives an existing row's spelling of
 * the same commune (diacritics and case aside), so one commune is one name.
 */
export function checkEdit(edit: EditInput, procedure: Procedure | undefined, spelling: (commune: string) => string | undefined = () => undefined): CheckedChange {
  const issues: OverlayIssue[] = [];
  const communeText = edit.commune?.trim() ?? '';
  let commune: string | undefined;
  if (communeText) {
    const checked = checkCommuneName(communeText);
    if ('error' in checked) issues.push({ column: 'commune', message: checked.error });
    else commune = spelling(checked.name) ?? checked.name;
  }
  const everyProcedure = edit.code === EVERY_COMMUNE_PROCEDURE;
  if (everyProcedure && !communeText) issues.push({ column: 'code', message: 'mã * (mọi thủ tục cấp xã) chỉ dùng cho dòng có xã/phường (cột commune)' });
  else if (!everyProcedure && !procedure) issues.push({ column: 'code', message: `không có thủ tục mã "${edit.code}" trong danh mục` });
  else if (communeText && procedure && !procedure.levels.includes('xa'))
    issues.push({ column: 'commune', message: `thủ tục mã ${edit.code} không thực hiện ở cấp xã: địa chỉ theo xã/phường chỉ dùng cho thủ tục cấp xã` });
  const channel = OverlayChannelSchema.safeParse(edit.channel);
  if (!channel.success) issues.push({ column: 'channel', message: 'kênh phải là truc_tiep, truc_tuyen, buu_chinh hoặc *' });
  else if (communeText && channel.data !== '*') issues.push({ column: 'channel', message: 'dòng có xã/phường là bộ phận một cửa của xã/phường: để trống cột channel hoặc ghi *' });
  let fields: OverlayFields | null = null;
  if (edit.fields !== null) {
    const parsed = OverlayFieldsSchema.safeParse(edit.fields);
    if (parsed.success) fields = isEmptyFields(parsed.data) ? null : parsed.data;
    else
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '') as keyof OverlayFields;
        issues.push({ column: FIELD_COLUMNS[key] ?? (issue.code === 'unrecognized_keys' ? 'cột' : String(key)), message: issue.message });
      }
  }
  if (communeText && fields)
    for (const key of Object.keys(fields) as Array<keyof OverlayFields>)
      if (fields[key] !== undefined && !(COMMUNE_FIELDS as readonly string[]).includes(key))
        issues.push({ column: FIELD_COLUMNS[key], message: 'dòng có xã/phường chỉ ghi address, hours, phone của bộ phận một cửa; ô này ghi ở dòng không có xã/phường' });
  if (!communeText && procedure && channel.success && channel.data === '*' && procedure.channels.length === 0 && fields && (fields.feeVnd !== undefined || fields.processingDays !== undefined))
    issues.push({ column: 'channel', message: 'thủ tục chưa có kênh nộp nào: ghi kênh cụ thể (truc_tiep, truc_tuyen hoặc buu_chinh) cho lệ phí và thời hạn' });
  if (issues.length) throw new OverlayInputError(issues);
  return { channel: channel.data!, ...(commune ? { commune } : {}), fields };
}

export type CheckedEdit = ({ ok: true } & CheckedChange) | { ok: false; issues: OverlayIssue[] };

export interface OverlayService {
  /** Checks a change against the record it changes, without saving it. */
  check(edit: EditInput): CheckedEdit;
  /** The record without local values (national or curated). */
  national(code: string): Procedure | undefined;
  /** The published entry of (code, channel, commune), if any. */
  current(code: string, channel: OverlayChannel, commune?: string): OverlayEntry | undefined;
  /** Saves changes (all or none), then re-applies the published overlay. */
  edit(edits: readonly OverlayEdit[]): Promise<OverlayVersion[]>;
  /** Undoes one version: a new version restoring the value it replaced. */
  revert(versionId: number, author: string, reason: string): Promise<OverlayVersion>;
  /** The record as a citizen would get it with `fields` for (code, channel) instead of the published value. */
  preview(code: string, channel: string, fields: unknown): Procedure;
  history(code: string): Promise<OverlayVersion[]>;
  published(): readonly OverlayEntry[];
  /** Checks a whole record of the province's own, without saving it. */
  checkProcedure(record: unknown): { ok: true; procedure: Procedure } | { ok: false; issues: OverlayIssue[] };
  /** Adds or replaces the province's own procedures (whole records, checked by the Procedure schema), all or none, indexed once. */
  saveProcedures(inputs: ReadonlyArray<{ record: unknown; author: string; reason: string; expectedVersion?: number }>): Promise<LocalProcedureVersion[]>;
  /** Withdraws one of the province's own procedures. */
  withdrawProcedure(code: string, author: string, reason: string): Promise<LocalProcedureVersion>;
  revertProcedure(versionId: number, author: string, reason: string): Promise<LocalProcedureVersion>;
  procedureHistory(code: string): Promise<LocalProcedureVersion[]>;
  localProcedures(): readonly Procedure[];
  /** Attaches a citizen's wording (`{text, code, reason?}`) to a procedure, then re-indexes; throws OverlayInputError, LearnedPhrasingExistsError. */
  addPhrasing(input: unknown, author: string): Promise<LearnedPhrasing>;
  /** Removes a learned phrasing (kept, marked removed), then re-indexes; throws OverlayNotFoundError. */
  removePhrasing(id: number, author: string, reason: string): Promise<LearnedPhrasing>;
  /** The learned phrasings now indexed, oldest first. */
  phrasings(): readonly LearnedPhrasing[];
  refresh(): Promise<void>;
  refreshIfChanged(): Promise<boolean>;
}

export interface LocalProcedureOptions {
  store: LocalProcedureStore;
  /** Citizens' wordings attached to procedures, and how a wording becomes index words (its folded topic words). */
  phrasings?: { store: LearnedPhrasingStore; wordsOf: (text: string) => string };
  /** Called after a refresh that changed the province's own procedures or the learned phrasings' words by code (e.g. to re-index). */
  changed?: (procedures: readonly Procedure[], phrasings: ReadonlyMap<string, readonly string[]>) => Promise<void>;
}

const ADDED_REASON = 'Thêm từ trang thống kê hỏi đáp';
const REMOVED_REASON = 'Gỡ từ trang thống kê hỏi đáp';

export function createOverlayService(store: OverlayStore, catalog: () => LocalizedCatalog, source: string, own?: LocalProcedureOptions): OverlayService {
  let seen = '';
  let ownSignature = checksumOf([[], []]);
  let learned: readonly LearnedPhrasing[] = [];
  let refreshing: Promise<void> = Promise.resolve();

  const latest = async () => `${await store.latestId()}:${own ? await own.store.latestId() : 0}:${own?.phrasings ? await own.phrasings.store.revision() : 0}`;

  async function refreshNow(): Promise<void> {
    const mark = await latest();
    const procedures = own ? await own.store.published() : undefined;
    const phrasings = own?.phrasings ? await own.phrasings.store.active() : [];
    catalog().setOverlay(await store.published(), procedures);
    seen = mark;
    learned = phrasings;
    const signature = checksumOf([procedures ?? [], phrasings.map((p) => [p.code, p.words])]);
    if (signature !== ownSignature) {
      ownSignature = signature;
      await own?.changed?.(catalog().localProcedures(), phrasingsByCode(phrasings));
    }
  }

  /** One refresh at a time, in call order: a slow re-index never overwrites a newer one. */
  function refresh(): Promise<void> {
    const next = refreshing.then(refreshNow, refreshNow);
    refreshing = next.catch(() => undefined);
    return next;
  }

  function phrasingStore(): NonNullable<LocalProcedureOptions['phrasings']> {
    if (!own?.phrasings) throw new Error('learned phrasings are not configured');
    return own.phrasings;
  }

  function ownStore(): LocalProcedureStore {
    if (!own) throw new Error('local procedures are not configured');
    return own.store;
  }
  const reasonOf = (reason: string) => {
    const trimmed = reason.trim();
    if (!trimmed) throw new OverlayInputError([{ column: 'reason', message: 'ghi lý do thay đổi' }]);
    return trimmed;
  };

  /** An existing row's spelling of a commune, so "phuong ben nghe" and "Phường Bến Nghé" are one entry. */
  const spelling = (commune: string) => {
    const key = foldedKey(commune);
    return catalog().entries().find((e) => e.commune !== undefined && foldedKey(e.commune) === key)?.commune;
  };
  const checkAgainstCatalog = (edit: EditInput) => checkEdit(edit, edit.code === EVERY_COMMUNE_PROCEDURE ? undefined : catalog().base(edit.code), spelling);

  function toChange(edit: OverlayEdit): OverlayChange {
    const { channel, commune, fields } = checkAgainstCatalog(edit);
    const reason = edit.reason.trim();
    if (!reason) throw new OverlayInputError([{ column: 'reason', message: 'ghi lý do thay đổi' }]);
    return {
      code: edit.code,
      channel,
      ...(commune ? { commune } : {}),
      fields,
      author: edit.author,
      reason,
      ...(edit.expectedVersion !== undefined ? { expectedVersion: edit.expectedVersion } : {}),
    };
  }

  return {
    check(edit) {
      try {
        return { ok: true, ...checkAgainstCatalog(edit) };
      } catch (error) {
        if (error instanceof OverlayInputError) return { ok: false, issues: error.issues };
        throw error;
      }
    },
    national: (code) => catalog().base(code),
    current: (code, channel, commune) => catalog().entries().find((e) => e.code === code && e.channel === channel && e.commune === commune),
    async edit(edits) {
      const changes = edits.map(toChange);
      const saved = await store.save(changes);
      await refresh();
      return saved;
    },
    async revert(versionId, author, reason) {
      const target = await store.get(versionId);
      if (!target) throw new OverlayNotFoundError(`overlay version ${versionId}`);
      const [saved] = await store.save([
        { code: target.code, channel: target.channel, ...(target.commune ? { commune: target.commune } : {}), fields: target.previous, author, reason: reason.trim() || `Hoàn tác phiên bản ${target.version}`, revertOf: target.id },
      ]);
      await refresh();
      return saved!;
    },
    preview(code, channel, fields) {
      const base = catalog().base(code);
      const checked = checkEdit({ code, channel, fields }, base);
      const others = catalog().entries().filter((e) => e.code === code && e.channel !== checked.channel && e.commune === undefined);
      const mine: OverlayEntry[] = checked.fields ? [{ code, channel: checked.channel, fields: checked.fields, version: 0, at: new Date() }] : [];
      return applyOverlay(base!, [...others, ...mine], { source });
    },
    history: (code) => store.history(code),
    published: () => catalog().entries(),
    checkProcedure(record) {
      try {
        return { ok: true, procedure: checkLocalProcedure(record, (code) => catalog().isNational(code)) };
      } catch (error) {
        if (error instanceof OverlayInputError) return { ok: false, issues: error.issues };
        throw error;
      }
    },
    async saveProcedures(inputs) {
      const changes = inputs.map((input) => {
        const record = checkLocalProcedure(input.record, (code) => catalog().isNational(code));
        return { code: record.code, record, author: input.author, reason: reasonOf(input.reason), ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}) };
      });
      const saved = await ownStore().save(changes);
      await refresh();
      return saved;
    },
    async withdrawProcedure(code, author, reason) {
      if (!catalog().localProcedures().some((p) => p.code === code)) throw new OverlayNotFoundError(`local procedure ${code}`);
      const [saved] = await ownStore().save([{ code, record: null, author, reason: reasonOf(reason) }]);
      await refresh();
      return saved!;
    },
    async revertProcedure(versionId, author, reason) {
      const target = await ownStore().get(versionId);
      if (!target) throw new OverlayNotFoundError(`local procedure version ${versionId}`);
      const [saved] = await ownStore().save([{ code: target.code, record: target.previous, author, reason: reason.trim() || `Hoàn tác phiên bản ${target.version}`, revertOf: target.id }]);
      await refresh();
      return saved!;
    },
    procedureHistory: (code) => ownStore().history(code),
    localProcedures: () => catalog().localProcedures(),
    async addPhrasing(input, author) {
      const { store: phrasings, wordsOf } = phrasingStore();
      const checked = checkPhrasing(input, (code) => catalog().get(code) !== undefined, wordsOf);
      const saved = await phrasings.add({ code: checked.code, text: checked.text, words: checked.words, author, reason: checked.reason || ADDED_REASON });
      await refresh();
      return saved;
    },
    async removePhrasing(id, author, reason) {
      const removed = await phrasingStore().store.remove(id, author, reason.trim() || REMOVED_REASON);
      if (!removed) throw new OverlayNotFoundError(`learned phrasing ${id}`);
      await refresh();
      return removed;
    },
    phrasings: () => learned,
    refresh,
    async refreshIfChanged() {
      if ((await latest()) === seen) return false;
      await refresh();
      return true;
    },
  };
}
