/**
 * Abbreviations and chat spellings citizens type, keyed by the folded token, expanded to the
 * accented words they stand for. Applied token by token before intent rules and retrieval.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // question words
  bn: 'bao nhiêu',
  bnh: 'bao nhiêu',
  bnhiu: 'bao nhiêu',
  bnhieu: 'bao nhiêu',
  ntn: 'như thế nào',
  ntnao: 'như thế nào',
  j: 'gì',
  gj: 'gì',
  ji: 'gì',
  // negation / yes-no
  ko: 'không',
  k: 'không',
  kg: 'không',
  kh: 'không',
  khg: 'không',
  khong: 'không',
  hok: 'không',
  hong: 'không',
  hem: 'không',
  khoong: 'không',
  dc: 'được',
  dx: 'được',
  duoc: 'được',
  // pronouns, particles
  mik: 'mình',
  mk: 'mình',
  mh: 'mình',
  e: 'em',
  ad: 'admin',
  vs: 'với',
  z: 'vậy',
  v: 'vậy',
  r: 'rồi',
  ng: 'người',
  nguoi: 'người',
  lm: 'làm',
  trc: 'trước',
  tg: 'thời gian',
  sdt: 'số điện thoại',
  // procedures and documents
  dk: 'đăng ký',
  dky: 'đăng ký',
  dki: 'đăng ký',
  dkí: 'đăng ký',
  dangky: 'đăng ký',
  hs: 'hồ sơ',
  tt: 'thủ tục',
  tthc: 'thủ tục hành chính',
  cccd: 'căn cước công dân',
  cmnd: 'chứng minh nhân dân',
  cmt: 'chứng minh thư',
  gks: 'giấy khai sinh',
  gplx: 'giấy phép lái xe',
  blx: 'bằng lái xe',
  bhxh: 'bảo hiểm xã hội',
  bhyt: 'bảo hiểm y tế',
  bhtn: 'bảo hiểm thất nghiệp',
  ubnd: 'ủy ban nhân dân',
  lltp: 'lý lịch tư pháp',
  gcn: 'giấy chứng nhận',
  qsdd: 'quyền sử dụng đất',
  gpkd: 'giấy phép kinh doanh',
  dkkd: 'đăng ký kinh doanh',
  hkd: 'hộ kinh doanh',
  dn: 'doanh nghiệp',
  gpxd: 'giấy phép xây dựng',
  dvc: 'dịch vụ công',
  vneid: 'VNeID',
};

/** Folded keys whose accented spelling is also an abbreviation ("đk", "đky"). */
export function expandAbbreviation(raw: string, folded: string): string | null {
  const expansion = ABBREVIATIONS[folded];
  if (!expansion) return null;
  // "đk"/"đky" fold to "dk"/"dky"; any other accented token is a real word ("khóng"? no — but
  // "kẻ"/"vì" must not turn into abbreviations), so only plain ASCII or đ-only tokens expand.
  const onlyDStroke = raw.replace(/đ/g, 'd') === folded;
  return onlyDStroke ? expansion : null;
}
