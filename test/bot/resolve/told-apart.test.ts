/**
 * Close options told apart by the message's own words (bot/resolve/told-apart.ts): the option
 * whose distinguishing words are said and no other's; the plain option beside specialised ones
 * only when it is the most likely and nothing in the message tells of a special case; never an
 * option whose exception the message names or that lacks the action asked.
 */
import { describe, expect, test } from 'vitest';
import { toldApart } from '../../../bot/resolve/told-apart.ts';

const VESSELS = [
  'Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội địa',
  'Đăng ký phương tiện lần đầu đối với phương tiện đang khai thác trên đường thủy nội địa',
];

describe('options the message tells apart', () => {
  test('the option whose own words are said, with or without accents', () => {
    expect(toldApart('đăng ký phương tiện lần đầu đối với phương tiện đang khai thác cần giấy tờ gì', VESSELS)).toBe(1);
    expect(toldApart('dang ky phuong tien lan dau doi voi phuong tien chua khai thac', VESSELS)).toBe(0);
    // Unaccented "dang" is also the "đăng" of "đăng ký", which both names have: it tells nothing apart.
    expect(toldApart('dang ky phuong tien lan dau doi voi phuong tien dang khai thac', VESSELS)).toBeNull();
  });

  test('words of two options said, or of none, leave the choice', () => {
    expect(toldApart('phương tiện đang khai thác hay chưa khai thác thì đăng ký khác nhau không', VESSELS)).toBeNull();
    expect(toldApart('đăng ký phương tiện thủy nội địa lần đầu', VESSELS)).toBeNull();
  });

  test('the plain option, the most likely, is meant when the message says no other option\'s words and tells of no special case', () => {
    const marriage = ['Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký kết hôn lưu động', 'Thủ tục đăng ký lại kết hôn'];
    expect(toldApart('2 dua e tinh cuoi cuoi nam nay, dang ky ket hon thi lam o dau', marriage)).toBe(0);
    // Not when another option is the more likely one.
    expect(toldApart('đăng ký kết hôn ở đâu', [marriage[1]!, marriage[0]!])).toBeNull();
    // Not when the story tells of a special case in its own words: a loss, a foreigner.
    expect(toldApart('giấy kết hôn của ba má bị lũ cuốn mất, giờ đăng ký kết hôn ở đâu', marriage)).toBeNull();
    // The foreigner told says the other option's own words ("có yếu tố nước ngoài", a phrase read in its context): that one is meant.
    expect(toldApart('bạn trai mình người Nhật, muốn đăng ký kết hôn thì làm sao', ['Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài'])).toBe(1);
    // Nor when it says another option's words through a citizen phrase ("thế chấp": biện pháp bảo đảm).
    expect(toldApart('xóa đăng ký thế chấp cần giấy tờ gì', ['Xóa đăng ký', 'Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất'])).toBeNull();
  });

  test('the first issue ("cấp mới") is the plain option', () => {
    const abtc = ['Cấp mới thẻ ABTC (thực hiện tại cấp trung ương)', 'Cấp văn bản cho phép sử dụng thẻ ABTC tại địa phương', 'Cấp lại thẻ ABTC'];
    expect(toldApart('lệ phí cấp thẻ ABTC là bao nhiêu', abtc)).toBe(0);
    // A reissue is told apart by its own word.
    expect(toldApart('làm lại thẻ ABTC bị mất', abtc)).toBe(2);
  });

  test('a special case the plain option\'s own name says is no reason to doubt it', () => {
    const foreign = ['Thủ tục đăng ký kết hôn có yếu tố nước ngoài', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới'];
    expect(toldApart('bạn trai người Nhật, đăng ký kết hôn với người nước ngoài thì cần giấy tờ gì', foreign)).toBe(0);
  });

  test('an acronym and its words spelt out are no difference between names', () => {
    const companies = ['Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần và ngược lại', 'Chuyển đổi công ty TNHH một thành viên thành công ty TNHH hai thành viên trở lên'];
    expect(toldApart('chuyển đổi công ty TNHH sang cổ phần', companies)).toBe(0);
  });

  test('names alike word for word are told apart by the pair of words only one has ("không phải")', () => {
    const imports = [
      'Cấp, cấp lại giấy phép nhập khẩu thủy sản sống đối với trường hợp phải đánh giá rủi ro',
      'Cấp, cấp lại giấy phép nhập khẩu thủy sản sống đối với trường hợp không phải đánh giá rủi ro',
    ];
    expect(toldApart('Hồ sơ cấp phép nhập khẩu thủy sản sống đối với trường hợp phải đánh giá rủi ro gồm những gì?', imports)).toBe(0);
    expect(toldApart('nhap khau thuy san song truong hop khong phai danh gia rui ro can gi', imports)).toBe(1);
    expect(toldApart('nhập khẩu thủy sản sống có phải đánh giá rủi ro không', imports)).toBeNull();
  });

  test('a clause telling of a step already done ("đã … rồi") is background, not what tells the options apart', () => {
    const registrations = ['Thủ tục đăng ký khai sinh', 'Thủ tục đăng ký kết hôn'];
    expect(toldApart('vợ em mới sinh bé, hai vợ chồng đã đăng ký kết hôn rồi, giờ em muốn làm giấy khai sinh cho cháu', registrations)).toBe(0);
    expect(toldApart('vợ em mới sinh bé, hai vợ chồng chưa đăng ký kết hôn, giờ em muốn làm giấy khai sinh cho cháu', registrations)).toBeNull();
  });

  test('a specialised option is told apart by its own words', () => {
    const marriage = ['Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài'];
    expect(toldApart('đăng ký kết hôn với người nước ngoài cần gì', marriage)).toBe(1);
  });

  test('a word typed without accents that both names have is not the other spelling in one name', () => {
    // "dung" is the "dựng" of "xây dựng", which both say, not the "dùng" of "dùng chung".
    const permits = ['Gia hạn giấy phép xây dựng công trình thiết yếu, dùng chung với đường sắt', 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV'];
    expect(toldApart('gia han giay phep xay dung', permits)).toBeNull();
  });

  test('an option whose exception the message names is not it', () => {
    const vets = [
      'Cấp Giấy chứng nhận đủ điều kiện sản xuất thuốc thú y (trừ sản xuất thuốc thú y dạng dược phẩm, vắc xin)',
      'Cấp Giấy chứng nhận đủ điều kiện sản xuất thuốc thú y có chứa chất ma tuý, tiền chất (trừ sản xuất thuốc thú y dạng dược phẩm, vắc xin)',
    ];
    expect(toldApart('Công ty muốn sản xuất vắc xin thú y thì cần điều kiện gì?', vets)).toBeNull();
  });

  test('an option without the action the message asks for is not it', () => {
    const berths = ['Công bố hoạt động bến thủy nội địa', 'Công bố hoạt động bến khách ngang sông, bến thủy nội địa phục vụ thi công công trình chính'];
    expect(toldApart('xin cấp lại giấy phép hoạt động bến khách ngang sông', berths)).toBeNull();
    expect(toldApart('công bố hoạt động bến khách ngang sông cần gì', berths)).toBe(1);
  });

  test('another option\'s word said inside another word, or as a pronoun, does not rule an option out', () => {
    const circulation = ['Cấp Giấy chứng nhận lưu hành thuốc thú y', 'Gia hạn giấy chứng nhận lưu hành thuốc thú y'];
    const question = 'cấp giấy chứng nhận lưu hành thuốc thú y xong thì thời hạn bao lâu';
    // "thời hạn" is a word of the trade (the names say it together): its "hạn" is not the "hạn" of "gia hạn".
    expect(toldApart(question, circulation, { isCompound: (pair) => pair === 'thoi han' })).toBe(0);
    // Where the names never say the two words together, "hạn" may be the other option's word.
    expect(toldApart(question, circulation)).toBeNull();
    const cards = ['Cấp lại, đổi thẻ bảo hiểm y tế', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'];
    expect(toldApart('em làm mất thẻ bảo hiểm y tế, giờ xin cấp lại ở đâu', cards)).toBe(0);
    // "trẻ em" said, but a reissue asked: the card issued to young children anew is no reissue.
    expect(toldApart('xin cấp lại thẻ bảo hiểm y tế cho trẻ em', cards)).toBe(0);
    expect(toldApart('làm thẻ bảo hiểm y tế cho trẻ em', cards)).toBe(1);
  });

  test('for a clear favourite, one of its own words said is enough — and only the favourite is chosen so', () => {
    const cards = ['Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'];
    const lost = 'thẻ bảo hiểm y tế ghi sai thông tin thì sửa ở đâu';
    // "thông tin" is two of ten words of its own: not a good share.
    expect(toldApart(lost, cards)).toBeNull();
    expect(toldApart(lost, cards, { ownWordsNeeded: 'one' })).toBe(0);
    expect(toldApart(lost, [cards[1]!, cards[0]!], { ownWordsNeeded: 'one' })).toBeNull();
  });

  test('what the paper is for ("để bổ sung hồ sơ") asks for no action', () => {
    const birth = ['Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', 'Đăng ký khai sinh'];
    expect(toldApart('Tôi cần bản sao giấy khai sinh để bổ sung hồ sơ xin việc thì xin ở đâu?', birth)).toBe(0);
    expect(toldApart('can ban sao giay khai sinh de bo sung ho so xin viec', birth)).toBe(0);
  });

  test('what a thing costs or how long it takes ("mất bao lâu") tells of no loss; "sổ hồng" of no damage', () => {
    const forex = ['Thủ tục cấp Giấy chứng nhận đăng ký đại lý đổi ngoại tệ', 'Thủ tục cấp Giấy chứng nhận đăng ký thay đổi đại lý đổi ngoại tệ'];
    expect(toldApart('Khách sạn muốn làm đại lý đổi ngoại tệ. Phải đăng ký ở đâu và mất bao lâu?', forex)).toBe(0);
    expect(toldApart('khach san muon lam dai ly doi ngoai te, dang ky o dau, mat bao lau', forex)).toBe(0);
    // A loss told is a special case: the plain option is not meant.
    expect(toldApart('giấy chứng nhận đại lý đổi ngoại tệ bị mất thì làm sao', forex)).toBeNull();
  });

  test('a copy asked of a record whose original is lost is the copy: the loss asks for no other reissue', () => {
    const birth = ['Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', 'Đăng ký khai sinh'];
    expect(toldApart('Giấy khai sinh bản chính bị thất lạc, giờ tôi cần bản sao giấy khai sinh thì xin ở đâu?', birth)).toBe(0);
    expect(toldApart('giay khai sinh ban chinh bi that lac, gio can ban sao giay khai sinh', birth)).toBe(0);
    // Lost, and no copy asked: the copy is not told apart by the loss alone.
    expect(toldApart('giấy khai sinh bị thất lạc thì làm sao', birth)).toBeNull();
    // A copy a court issues ("cấp sao bản án"), asked as "xin sao lại": the divorce told is the story.
    const judgment = ['Đăng ký cấp sao bản án, tài liệu trong hồ sơ vụ án', 'Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam'];
    expect(toldApart('e ly hon o toa nam ngoai, gio lam mat ban an roi, muon xin sao lai ban an thi lam sao', judgment)).toBe(0);
    // "sao lại" asking why is no copy.
    expect(toldApart('ly hon xong lam mat ban an, sao lai phai di toa', judgment)).toBeNull();
  });

  test('"đổi" tells options apart, "đối với" does not; unaccented "co" is "có" unless beside its neighbour in a name', () => {
    const cards = ['Cấp lại thẻ căn cước', 'Cấp đổi thẻ căn cước'];
    expect(toldApart('the can cuoc bi gay, muon lam lai thi thu tuc cap doi the nao', cards)).toBeNull();
    expect(toldApart('the can cuoc bi mat thi cap lai o dau', cards)).toBe(0);
    const adoption = ['Đăng ký việc nuôi con nuôi trong nước', 'Thủ tục Đăng ký việc nuôi con nuôi tại Cơ quan đại diện Việt Nam ở nước ngoài'];
    expect(toldApart('hai nguoi cung gioi tinh co duoc cung nhau nhan con nuoi khong', adoption)).toBe(0);
    expect(toldApart('nhan con nuoi tai co quan dai dien o nuoc ngoai', adoption)).toBe(1);
  });

  test('an exchange asked ("đổi … sang …") is had by a name opening with "Đổi"', () => {
    const licences = ['Đổi giấy phép lái xe quân sự do Bộ Quốc phòng cấp', 'Cấp lại giấy phép lái xe'];
    expect(toldApart('đổi bằng lái quân sự sang dân sự thì mấy ngày có bằng', licences)).toBe(0);
    expect(toldApart('doi bang lai quan su sang dan su', licences)).toBe(0);
  });

  test('the action the question asks, in its words or its citizen phrases, rules out options without it whatever else of them is said', () => {
    const birth = ['Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', 'Đăng ký khai sinh', 'Thủ tục đăng ký lại khai sinh'];
    // "ghi sai … sửa lại" of a birth record asks for its correction: "khai sinh" is what is corrected.
    expect(toldApart('Tên con tôi trong giấy khai sinh bị ghi sai. Giờ muốn sửa lại thì làm thủ tục gì ạ?', birth)).toBe(0);
    expect(toldApart('ten con toi trong giay khai sinh bi ghi sai, gio muon sua lai thi lam thu tuc gi', birth)).toBe(0);
    // Without the error told, "khai sinh" is said of the others too: no choice.
    expect(toldApart('giấy khai sinh của con làm thủ tục gì ạ', birth)).toBeNull();
  });

  test('an action told in an earlier sentence is the story: it rules nothing out', () => {
    const names = ['Thủ tục đăng ký lại khai sinh', 'Chứng thực chữ ký trong giấy tờ, văn bản (kể cả chứng thực điểm chỉ)'];
    const story = 'Anh A lập giấy ủy quyền cho em trai đi đăng ký lại khai sinh. Anh A có bắt buộc phải đến UBND phường để chứng thực chữ ký không?';
    expect(toldApart(story, names)).toBeNull();
    expect(toldApart(story, names, { ownWordsNeeded: 'one' })).toBeNull();
  });

  test('an option\'s own words said through a phrase read in its context tell it apart ("mới đóng" ghe: not yet in operation)', () => {
    const boats = [
      'Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội địa',
      'Đăng ký phương tiện lần đầu đối với phương tiện đang khai thác trên đường thủy nội địa',
    ];
    expect(toldApart('tui moi dong chiec ghe may, gio di dang ky cho chiec ghe thi lam o dau', boats)).toBe(0);
    expect(toldApart('tui moi dong chiec ghe may, gio di dang ky cho chiec ghe thi lam o dau', [boats[1]!, boats[0]!])).toBe(1);
    expect(toldApart('di dang ky cho chiec ghe thi lam o dau', boats)).toBeNull();
  });

  test('an excepted word counts beside its neighbour there: the "tô" of "ô tô" is not the "mô tô" excepted; an action no option has tells none apart', () => {
    const inspection = [
      'Cấp Giấy chứng nhận kiểm định, Tem kiểm định an toàn kỹ thuật và bảo vệ môi trường cho xe cơ giới (trừ xe mô tô, xe gắn máy)',
      'Chứng nhận chất lượng an toàn kỹ thuật và bảo vệ môi trường xe cơ giới, xe máy chuyên dùng',
    ];
    // "sắp hết hạn" asks for a renewal, which neither has: it rules out neither.
    expect(toldApart('Xe ô tô 7 chỗ nhà tôi sắp hết hạn đăng kiểm, đi kiểm định định kỳ thì cần mang theo giấy tờ gì?', inspection)).toBe(0);
    expect(toldApart('xe mô tô đi kiểm định định kỳ cần giấy tờ gì', inspection)).toBeNull();
  });

  test('one option is no choice to tell apart', () => {
    expect(toldApart('đăng ký kết hôn', ['Thủ tục đăng ký kết hôn'])).toBeNull();
  });
});
