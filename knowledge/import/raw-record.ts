/** One record of the national portal's export (dvc-procedures.jsonl.gz): every field is a string. */
import { z } from 'zod';

export const RAW_FIELDS = [
  'ma_thu_tuc',
  'ten_thu_tuc',
  'so_quyet_dinh',
  'cap_thuc_hien',
  'loai_thu_tuc',
  'linh_vuc',
  'doi_tuong_thuc_hien',
  'co_quan_co_tham_quyen',
  'dia_chi_tiep_nhan',
  'co_quan_duoc_uy_quyen',
  'co_quan_phoi_hop',
  'thu_tuc_lien_quan',
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'can_cu_phap_ly',
  'co_quan_thuc_hien',
  'yeu_cau_dieu_kien',
  'ket_qua_xu_ly',
  'detail_url',
] as const;
export type RawField = (typeof RAW_FIELDS)[number];

/** Missing fields read as ""; numbers are turned into strings; unknown fields are kept. */
const field = z.preprocess((value) => (value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : value), z.string());

export const RawRecordSchema = z.looseObject(
  Object.fromEntries(RAW_FIELDS.map((name) => [name, field])) as Record<RawField, typeof field>,
);
export type RawRecord = z.infer<typeof RawRecordSchema>;
