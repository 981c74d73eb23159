/**
 * applyOverlay: a national or curated record with the province's published values on top — a new
 * record, the input never changed. Each local fact keeps its source: a fee carries its HĐND
 * basis, and `local` says what the province added (places, hours, phone, portal link, notes) and
 * which channels' processing time is local, so answers can say so.
 */
import type { ChannelMethod, Fee, LocalFacts, Procedure, SubmissionChannel } from '../schema.ts';
import type { OverlayChannel, OverlayEntry, OverlayFields } from './overlay.ts';

export interface OverlaySource {
  /** Who publishes the local data, said in answers ("UBND tỉnh Bắc Ninh"). */
  source: string;
}

/** The `*` entry first, then each channel's own entry (which wins where both set a value). */
function inOrder(entries: readonly OverlayEntry[]): OverlayEntry[] {
  return [...entries].sort((a, b) => Number(b.channel === '*') - Number(a.channel === '*'));
}

const sameLabel = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/**
 * Which fee line a local figure replaces: the one with its label; else a local figure already
 * there (a channel's own entry over the `*` one); else the one the province sets; else the only one.
 */
function feeIndex(fees: readonly Fee[], label: string | undefined): number {
  if (label) return fees.findIndex((f) => sameLabel(f.label, label));
  const local = fees.findIndex((f) => f.basis !== undefined);
  if (local >= 0) return local;
  const open = fees.findIndex((f) => f.kind === 'set_by_province' || f.kind === 'unspecified');
  if (open >= 0) return open;
  return fees.length === 1 ? 0 : -1;
}

function withLocalFee(channel: SubmissionChannel, fields: OverlayFields): SubmissionChannel {
  if (fields.feeVnd === undefined) return channel;
  const index = feeIndex(channel.fees, fields.feeLabel);
  const old = index >= 0 ? channel.fees[index] : undefined;
  const fee: Fee = {
    kind: fields.feeVnd === 0 ? 'free' : 'fixed',
    label: fields.feeLabel ?? old?.label ?? 'Lệ phí',
    amountVnd: fields.feeVnd === 0 ? null : fields.feeVnd,
    exemptions: old?.exemptions ?? [],
    ...(fields.feeBasis ? { basis: fields.feeBasis } : {}),
  };
  const fees = index >= 0 ? channel.fees.map((f, i) => (i === index ? fee : f)) : [...channel.fees, fee];
  return { ...channel, fees };
}

function withLocalTime(channel: SubmissionChannel, fields: OverlayFields, from: OverlaySource): SubmissionChannel {
  if (fields.processingDays === undefined) return channel;
  return { ...channel, time: { value: fields.processingDays, unit: 'working_days', note: `theo thông tin của ${from.source}` } };
}

function targets(channel: OverlayChannel, method: ChannelMethod): boolean {
  return channel === '*' || channel === method;
}

/** The record with the entries applied (entries of other procedures and communes' rows are ignored: see commune-offices.ts). */
export function applyOverlay(procedure: Procedure, entries: readonly OverlayEntry[], from: OverlaySource): Procedure {
  const mine = inOrder(entries.filter((e) => e.code === procedure.code && e.commune === undefined));
  if (mine.length === 0) return procedure;
  let channels: SubmissionChannel[] = procedure.channels.map((c) => ({ ...c, fees: [...c.fees] }));
  const local: LocalFacts = { source: from.source, updatedOn: '', places: [], notes: [], localTimes: [] };
  let latest = 0;
  for (const entry of mine) {
    const { fields } = entry;
    latest = Math.max(latest, entry.at.getTime());
    // A channel the national record lacks is added when the province gives it a fee or a time.
    if (entry.channel !== '*' && !channels.some((c) => c.method === entry.channel) && (fields.feeVnd !== undefined || fields.processingDays !== undefined))
      channels.push({ method: entry.channel, time: null, fees: [] });
    channels = channels.map((c) => (targets(entry.channel, c.method) ? withLocalTime(withLocalFee(c, fields), fields, from) : c));
    if (fields.processingDays !== undefined)
      for (const c of channels) if (targets(entry.channel, c.method) && !local.localTimes.includes(c.method)) local.localTimes.push(c.method);
    if (fields.address || fields.hours || fields.phone)
      local.places.push({
        channel: entry.channel,
        ...(fields.address ? { address: fields.address } : {}),
        ...(fields.hours ? { hours: fields.hours } : {}),
        ...(fields.phone ? { phone: fields.phone } : {}),
      });
    if (fields.onlineUrl) local.onlineUrl = fields.onlineUrl;
    if (fields.note) local.notes.push(fields.note);
  }
  local.updatedOn = new Date(latest).toISOString().slice(0, 10);
  // A national caveat that the council sets the fee is superseded once no such line is left.
  const councilLeft = channels.some((c) => c.fees.some((f) => f.kind === 'set_by_province'));
  const notes = councilLeft ? procedure.notes : procedure.notes.filter((n) => !/HĐND|Hội đồng nhân dân/iu.test(n));
  return { ...procedure, channels, notes, local };
}

/** Every record of a catalog with its entries applied; records without entries are the same objects. */
export function applyOverlayToAll(procedures: readonly Procedure[], entries: readonly OverlayEntry[], from: OverlaySource): Procedure[] {
  const byCode = new Map<string, OverlayEntry[]>();
  for (const entry of entries) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
  return procedures.map((p) => {
    const own = byCode.get(p.code);
    return own ? applyOverlay(p, own, from) : p;
  });
}
