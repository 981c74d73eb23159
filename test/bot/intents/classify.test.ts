/**
 * Intent classification from words alone: facets, status, handoff, greeting/thanks and plainly
 * off-topic messages — with and without diacritics, with chat abbreviations and small typos.
 */
import { describe, expect, test } from 'vitest';
import { asksHandoff, classify, facetsBesideName, isPlainlyOffTopic, topicQuery, wordIntent } from '../../../bot/intents/classify.ts';
import { analyzeMessage } from '../../../knowledge/language/message-tokens.ts';
import { findDossierCode, chosenOrdinal, mentionedLevels } from '../../../bot/intents/mentions.ts';
import { isPossibleSyllable, repairTelex } from '../../../knowledge/language/syllable.ts';

const intentOf = (text: string) => wordIntent(classify(text));

describe('facet intents', () => {
  test.each([
    ['Hồ sơ đăng ký khai sinh gồm những gì?', 'documents'],
    ['lam ho chieu can nhung giay to gi', 'documents'],
    ['làm căn cước cần mang gì', 'documents'],
    ['dky tam tru can giay to j', 'documents'],
    ['thành phần hồ sơ xin giấy phép xây dựng', 'documents'],
    ['cần chuẩn bị những gì để đăng ký kết hôn', 'documents'],
    ['Lệ phí cấp hộ chiếu là bao nhiêu?', 'fee'],
    ['khai sinh cho con co ton tien khong a', 'fee'],
    ['làm hộ chiếu hết bn tiền', 'fee'],
    ['cccd co mat phi ko', 'fee'],
    ['đổi bằng lái tốn bao nhiêu', 'fee'],
    ['phi dang ky thuong tru', 'fee'],
    ['Đăng ký khai sinh bao lâu thì xong?', 'processing_time'],
    ['lam ho chieu mat may ngay', 'processing_time'],
    ['bao giờ có lý lịch tư pháp', 'processing_time'],
    ['khi nào nhận được thẻ căn cước', 'processing_time'],
    ['bao nhieu ngay thi co ly lich tu phap', 'processing_time'],
    ['Muốn đăng ký kết hôn thì nộp hồ sơ ở đâu?', 'how_to'],
    ['làm giấy khai sinh như thế nào', 'how_to'],
    ['đăng ký tạm trú online được không', 'how_to'],
    ['nop ho chieu qua mang dc ko', 'how_to'],
    ['có gửi hồ sơ qua bưu điện được không', 'how_to'],
    ['ai quyết định', 'how_to'],
    ['hồ sơ này ai duyet vay', 'how_to'],
    ['trình tự cấp phiếu lý lịch tư pháp', 'how_to'],
    ['các bước đăng ký hộ kinh doanh', 'how_to'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  test('a longer phrase wins over the shorter one inside it: "bao nhiêu ngày" is time, not money', () => {
    expect(intentOf('bao nhiêu ngày thì xong')).toBe('processing_time');
    expect(intentOf('bao nhiêu tiền')).toBe('fee');
  });

  test('a facet word inside a citizen phrase is the phrase\'s word: "tiền rách", "tiền án" ask nothing about money', () => {
    const torn = classify('đổi tiền rách ở đâu');
    expect(torn.facet).toBe('how_to');
    expect(torn.facetScores.fee).toBe(0);
    expect(torn.topic.map((t) => t.folded)).toEqual(['doi', 'tien', 'rach']);
    expect(classify('co tien an thi xin phieu ly lich tu phap duoc ko').facetScores.fee).toBe(0);
    // On its own "tiền" still asks the fee.
    expect(intentOf('hết bao nhiêu tiền')).toBe('fee');
  });

  test('"nộp hồ sơ ở đâu" asks where, although it says "hồ sơ"', () => {
    const c = classify('nộp hồ sơ ở đâu');
    expect(c.facet).toBe('how_to');
    expect(c.howToAspects).toContain('where');
  });

  test('where a form is had asks for the documents; what a paper is for asks for the result; who signs asks for the agency; bringing a paper asks for the documents', () => {
    expect(classify('mẫu đơn lấy ở đâu').facet).toBe('documents');
    expect(classify('mau to khai tai o dau').facet).toBe('documents');
    expect(classify('dung de lam gi').facet).toBe('result');
    expect(classify('giấy này có tác dụng gì').facet).toBe('result');
    const who = classify('ai ký giấy này');
    expect(who.facet).toBe('how_to');
    expect(who.howToAspects).toContain('agency');
    expect(classify('co can mang cccd ko').facet).toBe('documents');
  });

  test('"tiện", "tiên", "tiến" typed or read without accents are no fee: "phương tiện", "cái đầu tiên", "tiến hành"', () => {
    expect(classify('đăng ký phương tiện thủy nội địa').facet).toBeNull();
    expect(classify('dang ky phuong tien thuy').facet).toBeNull();
    expect(classify('cái đầu tiên').facet).toBeNull();
    expect(classify('tien hanh dang ky').facet).toBeNull();
    // "thuc pham cho" is food for someone, not a typo of "phải chờ".
    expect(classify('xin giay chung nhan an toan thuc pham cho quan an').facet).toBeNull();
    // Money is still a fee.
    expect(classify('làm hộ chiếu hết bao nhiêu tiền').facet).toBe('fee');
    expect(classify('dang ky phuong tien mat bao nhieu tien').facet).toBe('fee');
  });

  test('the how-to aspect is kept: online, post, steps', () => {
    expect(classify('nộp trực tuyến được không').howToAspects).toContain('online');
    expect(classify('gửi qua bưu điện được không').howToAspects).toContain('post');
    expect(classify('các bước thực hiện').howToAspects).toContain('steps');
  });

  test('two facets asked as clearly are both kept', () => {
    const c = classify('làm hộ chiếu cần giấy tờ gì và mất bao lâu');
    expect(c.facet).not.toBeNull();
    expect([c.facet, ...c.otherFacets].sort()).toEqual(['documents', 'processing_time']);
  });
});

describe('typos and chat spellings', () => {
  test.each([
    ['le phis ho chieu', 'fee'], // Telex tone key left in
    ['lệ phi làm hô chiêu bao nhiu', 'fee'], // "bao nhiu"
    ['thoi giam lam ho chieu', 'processing_time'], // one-letter typo in a two-word phrase
    ['baonhieu tien lam ho chieu', 'fee'], // words run together
    ['hoso khai sinh gom nhung gi', 'documents'],
    ['giấy tờ gì', 'documents'],
    ['GIẤY TỜ GÌ', 'documents'],
    ['LE PHI BAO NHIEU', 'fee'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  test('abbreviations expand to the words they stand for', () => {
    const folded = analyzeMessage('dky cccd hs tt bn ko j').folded;
    expect(folded).toBe('dang ki can cuoc cong dan ho so thu tuc bao nhieu khong gi');
  });

  test('"6t" of a child is "6 tuổi"; elsewhere it stays as typed', () => {
    expect(analyzeMessage('lm cccd cho con 6t dc ko').folded).toContain('con 6 tuoi');
    expect(analyzeMessage('be 3t lam ho chieu').folded).toContain('be 3 tuoi');
    expect(analyzeMessage('vay 2t xay nha').folded).toContain('2t');
  });

  test('a chat spelling of a frame word stays as typed inside a citizen phrase: "so hong" is sổ hồng, not "sổ không"', () => {
    expect(analyzeMessage('lam so hong mat bao lau').folded).toBe('lam so hong mat bao lau');
    expect(analyzeMessage('the bi hu hong thi doi o dau').folded).toContain('hu hong');
    expect(analyzeMessage('co mat phi hong').folded).toBe('co mat phi khong');
    expect(topicQuery(classify('lam so hong mat bao lau'))).toContain('so hong');
  });

  test('"mã HS" of goods at customs is the goods\' code, not a dossier code: no status question', () => {
    const customs = 'Doanh nghiệp sắp nhập lô máy, chưa chắc áp mã HS nào. Hải quan có xác định trước mã số không?';
    expect(analyzeMessage(customs).folded).toContain('ma hs');
    expect(intentOf(customs)).not.toBe('status');
    expect(analyzeMessage('cho em hỏi mã hs của em đến đâu rồi').folded).toContain('ma ho so');
    expect(intentOf('tra cuu ma hs giup em')).toBe('status');
  });

  test('Telex repair only touches impossible syllables', () => {
    expect(repairTelex('phis')).toBe('phi');
    expect(repairTelex('nhieeu')).toBe('nhieu');
    expect(isPossibleSyllable('phai')).toBe(true); // a real word is never "repaired"
    expect(repairTelex('phai')).toBe('phai');
  });

  test('short real words are not fuzzed into keywords ("phải" is not "phí")', () => {
    expect(classify('có phải đăng ký không').facet).not.toBe('fee');
  });
});

describe('conditions and result', () => {
  test.each([
    ['Điều kiện để được cấp giấy phép kinh doanh karaoke là gì?', 'conditions'],
    ['đối tượng nào được hưởng trợ cấp thất nghiệp', 'conditions'],
    ['mở phòng khám tư cần đạt tiêu chuẩn gì', 'conditions'],
    ['trường hợp nào được miễn đăng ký tạm trú', 'conditions'],
    ['người đang thuê nhà có được nhập hộ khẩu vào nhà thuê không', 'conditions'],
    ['con 15 tuoi co duoc lam ho chieu rieng ko', 'conditions'],
    ['sửa nhà vệ sinh có phải xin phép xây dựng không', 'conditions'],
    ['phải khai báo tạm vắng trong bao lâu kể từ ngày đi', 'conditions'],
    ['the to tien rach mat bao nhieu thi ko duoc doi nua', 'conditions'],
    ['tiền bị cháy bao nhiêu phần trăm thì không được đổi', 'conditions'],
    ['giấy chứng nhận đăng ký xe có hiệu lực bao lâu', 'result'],
    ['phiếu lý lịch tư pháp có giá trị sử dụng trong bao lâu', 'result'],
    ['làm xong thủ tục giám hộ thì được cấp giấy tờ gì', 'result'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  test('"được không" with a channel or a place asks how, not whether', () => {
    expect(intentOf('đăng ký hộ kinh doanh làm online được không')).toBe('how_to');
    expect(intentOf('trich luc khai tu lam o xa dc ko hay phai len huyen')).toBe('how_to');
  });

  test('a question asking both time and fee keeps both', () => {
    const c = classify('đổi bằng lái online thì mấy ngày có bằng mới, lệ phí bao nhiêu');
    expect(['processing_time', 'fee']).toContain(c.facet);
    expect([c.facet, ...c.otherFacets]).toEqual(expect.arrayContaining(['processing_time', 'fee']));
  });

  test('a facet phrase that is part of the procedure\'s name is not what is asked', () => {
    const c = classify('cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm nộp ở đâu');
    expect(facetsBesideName(c, 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm').facet).toBe('how_to');
    const form = classify('khai lệ phí trước bạ nhà đất theo mẫu nào');
    expect(facetsBesideName(form, 'Khai lệ phí trước bạ nhà, đất').facet).toBe('documents');
  });
});

describe('conversation intents', () => {
  test.each([
    ['tra cuu ho so', 'status'],
    ['hồ sơ của tôi đến đâu rồi', 'status'],
    ['kiểm tra tình trạng hồ sơ', 'status'],
    ['000.00.19.H53-240101-0001', 'status'],
    ['Tôi muốn gặp cán bộ tư vấn', 'handoff'],
    ['chuyen cho nguoi that', 'handoff'],
    ['cho em noi chuyen voi nhan vien', 'handoff'],
    ['gặp tư vấn viên', 'handoff'],
    ['chào bạn', 'greeting'],
    ['xin chao', 'greeting'],
    ['alo', 'greeting'],
    ['cảm ơn bạn nhiều', 'thanks'],
    ['ok cam on', 'thanks'],
    ['tks ad', 'thanks'],
    ['Giá vàng hôm nay bao nhiêu?', 'out_of_scope'],
    ['thoi tiet ha noi the nao', 'out_of_scope'],
    ['kết quả xổ số miền bắc', 'out_of_scope'],
    ['asdfgh qwrt', 'fallback'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  test('a dossier waiting ("nộp 2 tuần rồi mà chưa…") is a status question; a procedure not yet done ("2 tháng rồi mà chưa đi làm") is not', () => {
    expect(intentOf('ho so e nop 2 tuan roi ma chua thay gi')).toBe('status');
    expect(intentOf('nộp rồi mà chưa thấy trả')).toBe('status');
    expect(intentOf('ho so qua hen roi')).toBe('status');
    const story = classify('be nha e sinh dc 2 thang roi ma chua di lam giay khai sinh, gio di lam co bi phat ko ad');
    expect(wordIntent(story)).not.toBe('status');
    expect(topicQuery(story)).toContain('khai sinh');
    expect(intentOf('con 1 tuoi roi ma chua dang ky khai sinh')).not.toBe('status');
  });

  test('"tạm vắng" typed without accents keeps its "vang": it is not "vâng" (thanks)', () => {
    expect(topicQuery(classify('dang ky tam vang o dau'))).toContain('tam vang');
    expect(topicQuery(classify('cho hỏi đăng ký tạm vắng'))).toContain('tạm vắng');
    expect(intentOf('vâng')).toBe('thanks');
  });

  test('"cần bổ sung" is not "cán bộ"', () => {
    expect(intentOf('hồ sơ can bo sung gi')).not.toBe('handoff');
  });

  test('a person mentioned inside a question is not a request for one', () => {
    expect(intentOf('Bố tôi là cán bộ hưu trí, muốn đổi sổ hưu thì nộp ở đâu?')).not.toBe('handoff');
    expect(intentOf('nhan vien ke toan cua cty nghi viec thi chot so bhxh the nao')).not.toBe('handoff');
    expect(asksHandoff(classify('Người thân đã mất thì gia đình có cần làm thủ tục gì không?'))).toBe(false);
    // …while a bare "cán bộ", or a request, still is.
    expect(intentOf('cán bộ đâu')).toBe('handoff');
    expect(intentOf('cho tôi nói chuyện trực tiếp với cán bộ được không')).toBe('handoff');
  });

  test('off-topic words match whole words with their accents: "đánh giá", "hồ sơ đề nghị" are procedure words', () => {
    for (const text of [
      'Hồ sơ đề nghị cấp giấy phép môi trường gồm những gì?',
      'ho so de nghi cap phep moi truong can gi',
      'Thủ tục đánh giá tác động môi trường mất bao lâu?',
      'khách sạn của tôi muốn đăng ký kinh doanh lưu trú du lịch thì làm thế nào',
    ]) {
      expect(isPlainlyOffTopic(classify(text)), text).toBe(false);
    }
    expect(isPlainlyOffTopic(classify('hôm nay số đề về con mấy'))).toBe(true);
    expect(isPlainlyOffTopic(classify('hom nay so de ve con may'))).toBe(true);
  });

  test('a procedure named with no facet reads as overview', () => {
    expect(intentOf('Thủ tục đổi giấy phép lái xe')).toBe('overview');
    expect(intentOf('Tôi cần làm hộ chiếu')).toBe('overview');
  });
});

describe('what is left: the topic', () => {
  test('intent phrases and frame words are removed, accents kept for retrieval', () => {
    // i/y are spelled one way (ký = kí) for matching.
    expect(topicQuery(classify('Lệ phí đăng ký kết hôn là bao nhiêu vậy ạ?'))).toBe('đăng kí kết hôn');
    expect(topicQuery(classify('le phi dang ky ket hon'))).toBe('dang ki ket hon');
  });

  test('a name\'s compound keeps a word that is otherwise a frame word, typed with or without accents', () => {
    // "bao" (bao nhiêu), "thông", "nhà" (particle "nha"), "không", "ở" frame questions, but not inside these.
    expect(topicQuery(classify('the bao hiem y te bi mat lam lai o dau'))).toContain('bao hiem');
    expect(topicQuery(classify('trinh bao mat ho chieu pho thong can nhung giay to gi?'))).toContain('trinh bao mat ho chieu pho thong');
    expect(topicQuery(classify('thông báo tạm ngừng kinh doanh thế nào'))).toContain('thông báo tạm ngừng');
    expect(topicQuery(classify('xin giay phep xay dung nha o can gi'))).toContain('nha o');
    expect(topicQuery(classify('cấp giấy phép kinh doanh hàng không'))).toContain('hàng không');
    // "thu tuc" frames the question however typed; "thu" alone may name something (thu hồi).
    expect(topicQuery(classify('thu tuc cap lai the bhyt'))).toBe('cap lai the bảo hiểm y tế');
    expect(topicQuery(classify('thu hoi giay phep lai xe'))).toContain('thu hoi');
    // Outside a compound the frame word still goes.
    expect(topicQuery(classify('lệ phí làm hộ chiếu bao nhiêu'))).not.toContain('bao');
    // An acronym typed in capitals is kept as typed, not split into known syllables ("a" + "mo");
    // a message all in capitals is read as usual.
    expect(topicQuery(classify('Tôi có thể tìm thấy các thủ tục để gia hạn Giấy chứng nhận AMO ở đâu?'))).toContain('amo');
    expect(classify('BAONHIEU TIEN LAM HO CHIEU').analysis.tokens.map((t) => t.folded).slice(0, 2)).toEqual(['bao', 'nhieu']);
    // Words are read left to right: the bank comes first, and the "không" after it asks the question.
    expect(topicQuery(classify('Hồ sơ có cần hợp đồng với ngân hàng không?'))).not.toContain('không');
    expect(topicQuery(classify('ngan hang khong cho vay thi sao'))).not.toContain('khong');
  });

  test('a citizen phrase keeps its frame words: "người Nhật" is a foreigner, not "nhật"', () => {
    expect(classify('dang ky ket hon voi nguoi nhat').topic.map((t) => t.folded)).toEqual(['dang', 'ki', 'ket', 'hon', 'nguoi', 'nhat']);
    expect(classify('chồng em là người Mỹ').topic.map((t) => t.folded)).toContain('nguoi');
    // Outside such a phrase "người" still frames the question.
    expect(classify('người mới đi làm đăng ký thuế ở đâu').topic.map((t) => t.folded)).not.toContain('nguoi');
  });

  test('a follow-up with no procedure has an empty topic', () => {
    for (const text of ['thế lệ phí bao nhiêu?', 'cần giấy tờ gì', 'bao lâu thì có', 'mất mấy ngày']) {
      expect(classify(text).topicCore, text).toEqual([]);
    }
  });
});

describe('mentions', () => {
  test('dossier codes', () => {
    expect(findDossierCode('mã hồ sơ của tôi là 000.00.19.H53-240101-0001 ạ')).toBe('000.00.19.H53-240101-0001');
    expect(findDossierCode('hồ sơ khai sinh')).toBeNull();
  });

  test('levels and choices', () => {
    expect(mentionedLevels(analyzeMessage('làm ở cấp xã'))).toEqual(['xa']);
    expect(chosenOrdinal(analyzeMessage('số 2 ạ'))).toBe(1);
    expect(chosenOrdinal(analyzeMessage('cái đầu tiên'))).toBe(0);
    expect(chosenOrdinal(analyzeMessage('làm hộ chiếu'))).toBeNull();
  });
});

describe('corrections', () => {
  test.each([
    ['a ko, y e la cap lai, the cu e lam mat roi', true],
    ['À nhầm, ý mình là đăng kí tạm trú', true],
    ['không phải, em hỏi cấp lại chứ không phải cấp đổi', true],
    ['lệ phí cấp lại thẻ căn cước', false],
    ['thế còn hộ chiếu?', false],
  ])('%s → correction %s', (text, correction) => {
    expect(classify(text).correction).toBe(correction);
  });
});
