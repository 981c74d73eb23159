/**
 * The province's own procedures (from its Quyết định công bố danh mục TTHC): whole records,
 * validated by the same Procedure schema as the national ones, marked `origin: local`, with a
 * code no national or curated record has (a national record is changed through the overlay).
 */
import { ProcedureSchema, type Procedure } from '../schema.ts';
import { OverlayInputError, type OverlayIssue } from './overlay-errors.ts';

/** A record as a supervisor or a file gives it, checked; throws OverlayInputError listing each problem by field path. */
export function checkLocalProcedure(input: unknown, isNational: (code: string) => boolean): Procedure {
  const withOrigin = input && typeof input === 'object' && !Array.isArray(input) ? { ...input, origin: 'local' } : input;
  const parsed = ProcedureSchema.safeParse(withOrigin);
  const issues: OverlayIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ column: issue.path.join('.') || 'record', message: `không hợp lệ theo mẫu thủ tục (${issue.message})` });
    throw new OverlayInputError(issues);
  }
  if (isNational(parsed.data.code))
    throw new OverlayInputError([{ column: 'code', message: `mã ${parsed.data.code} đã có trong dữ liệu quốc gia: sửa nó bằng dữ liệu địa phương (lệ phí, địa chỉ…), không thêm thủ tục trùng mã` }]);
  return parsed.data;
}
