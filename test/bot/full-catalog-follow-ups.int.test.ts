/**
 * Conversations over the whole shipped catalog (2,644 procedures), over real HTTP: a follow-up
 * whose words a long unrelated name happens to contain stays on the procedure under discussion;
 * one that names another procedure moves to it; a citizen phrase that holds a facet word ("tiền
 * rách") is read as the topic, not as a question about fees; after a list, words only one
 * option's record has pick that option; a kind of filer or object named (a company, land) rules
 * out the sibling procedures for another kind; a tax or charge asked ("phí trước bạ") is the
 * procedure declaring it, whose own fee is not said to be the charge.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_CLIENT_LIMITS } from '../../deps/local-server.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { chat } from '../support/officer-app.ts';

let app: TestApp;
beforeAll(async () => {
  // Some 60 turns from one loopback client: the per-client limits are not what these tests are about.
  app = await startTestApp({ config: { catalog: 'full', ...NO_CLIENT_LIMITS } });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function conversation() {
  let id: string | undefined;
  return async (text: string) => {
    const reply = await chat(app.url, text, id);
    id = reply.conversationId;
    return reply as { intent: string; procedure: { code: string; name: string } | null; replies: Array<{ text?: string }> };
  };
}

/** A matter the catalog holds no procedure for, told so plainly in a new conversation. */
async function expectOutsideCatalog(text: string, matter: string) {
  const reply = await (await conversation())(text);
  expect(reply.procedure, text).toBeNull();
  expect(reply.intent, text).toBe('out_of_scope');
  const said = reply.replies.map((r) => r.text).join('\n');
  expect(said, text).toContain(matter);
  expect(said, text).toMatch(/không thuộc các thủ tục hành chính trong dữ liệu của em/);
}

describe('follow-ups over the full catalog', () => {
  test('words a long name merely contains ("thường trú ở tỉnh") do not move a marriage question to a border pass', async () => {
    const say = await conversation();
    expect((await say('đăng ký kết hôn cần giấy tờ gì')).procedure?.code).toBe('1.000894');
    const where = await say('nguoi yeu e thuong tru o tinh khac thi dang ky o xa nao cung dc ha');
    expect(where.procedure?.code).toBe('1.000894');
    const fee = await say('le phi bao nhieu v');
    expect(fee.intent).toBe('fee');
    expect(fee.procedure?.code).toBe('1.000894');
  });

  test('how it is submitted ("nộp trực tiếp") and words that only find unrelated names keep the procedure under discussion', async () => {
    const say = await conversation();
    const first = await say('nha e chuan bi xay moi 3 tang trong hem, co can xin giay phep xay dung ko, ho so gom nhung gi');
    expect(first.procedure?.code).toBe('1.013225');
    const time = await say('nop truc tiep thi bao lau co giay phep');
    expect(time.intent).toBe('processing_time');
    expect(time.procedure?.code).toBe('1.013225');
    expect(time.replies.map((r) => r.text).join('\n')).toContain('15 ngày');
  });

  test('close options the message tells apart by their own words are no choice: the one it says is answered', async () => {
    const say = await conversation();
    const foreigner = await say('Gia hạn tạm trú cho người nước ngoài cần những giấy tờ gì?');
    expect(foreigner.intent).toBe('documents');
    expect(foreigner.procedure?.code).toBe('1.001146');
    const other = await conversation();
    const absence = await other('Khai báo tạm vắng thì bao lâu công an xác nhận?');
    expect(absence.intent).toBe('processing_time');
    expect(absence.procedure?.code).toBe('1.003677');
    // The plain procedure, beside its re-registration and its foreign variant, when nothing tells of either.
    const adoption = await conversation();
    const age = await adoption('Người nhận con nuôi phải hơn con nuôi bao nhiêu tuổi?');
    expect(age.procedure?.code).toBe('2.001263');
    // A clear favourite, one of whose own words is said ("cấp lại"), beside an option the pronoun
    // "em" does not say ("… cho trẻ em dưới 6 tuổi").
    const card = await conversation();
    const lost = await card('Em làm mất thẻ BHYT rồi, giờ xin cấp lại ở đâu ạ?');
    expect(lost.procedure?.code).toBe('1.002759');
    expect((await card('có mất phí ko ạ')).procedure?.code).toBe('1.002759');
  });

  test('a correction that names its own procedure moves to it, the correction words aside ("à nhầm, ý mình là …")', async () => {
    const say = await conversation();
    await say('Cho mình hỏi đăng ký thường trú cần giấy tờ gì ạ?');
    const corrected = await say('À nhầm, ý mình là đăng kí tạm trú, con bé đang thuê trọ ở Đà Nẵng để đi học đại học');
    expect(corrected.procedure?.code).toBe('1.004194');
    // The correction asks nothing itself: it asks the last question again, of the procedure meant.
    expect(corrected.intent).toBe('documents');
    expect(corrected.replies.map((r) => r.text).join('\n')).toContain('CT01');
  });

  test('a correction that changes one detail moves to the sibling it names by its own words, asking the last question again', async () => {
    const say = await conversation();
    expect((await say('Tôi muốn thành lập công ty TNHH một thành viên, hồ sơ cần những gì?')).procedure?.code).toBe('2.001583');
    const two = await say('À không, tôi góp vốn chung với một người bạn, tức là 2 thành viên. Vậy hồ sơ cần những gì?');
    expect(two.procedure?.code).toBe('2.001199');
    expect(two.intent).toBe('documents');
    const other = await conversation();
    expect((await other('thanh lap cty tnhh 1 thanh vien mat bao lau')).procedure?.code).toBe('2.001583');
    const stock = await other('a nham, cty co phan');
    expect(stock.procedure?.code).toBe('2.002043');
    expect(stock.intent).toBe('processing_time');
  });

  test('the procedure under discussion said as a step done ("báo mất rồi thì …") is the background of the next one asked', async () => {
    const say = await conversation();
    expect((await say('mat ho chieu thi bao mat o dau')).procedure?.name).toMatch(/Trình báo mất hộ chiếu/);
    const next = await say('bao mat roi thi lam lai ho chieu het bao nhieu tien');
    expect(next.procedure?.code).toBe('1.001456');
    expect(next.intent).toBe('fee');
    const later = await conversation();
    await later('mat ho chieu thi bao mat o dau');
    const time = await later('sau khi bao mat thi lam lai ho chieu mat bao lau');
    expect(time.procedure?.code).toBe('1.001456');
    expect(time.intent).toBe('processing_time');
    // A question about that step itself stays on it.
    const again = await conversation();
    await again('mat ho chieu thi bao mat o dau');
    const itself = await again('bao mat xong thi bao lau co ket qua');
    expect(itself.procedure?.name).toMatch(/Trình báo mất hộ chiếu/);
    expect(itself.intent).toBe('processing_time');
  });

  test('after a list, a follow-up naming a document only one option\'s record lists picks that option', async () => {
    const say = await conversation();
    // A loss told in the story leaves the foreign marriage among its variants: a list.
    const list = await say('Mình là nữ, giấy tờ cũ bị mất hết, giờ chuẩn bị cưới bạn trai người Nhật. Đăng ký kết hôn với người nước ngoài thì bên anh ấy phải chuẩn bị giấy tờ gì?');
    expect(list.procedure).toBeNull();
    expect(list.replies.map((r) => r.text).join('\n')).toContain('2.000806');
    const picked = await say('Giấy xác nhận của tổ chức y tế có bắt buộc không?');
    expect(picked.procedure?.code).toBe('2.000806');
    // Words every option's record has point at none of them: the list is asked again.
    const again = await conversation();
    await again('Mình là nữ, giấy tờ cũ bị mất hết, giờ chuẩn bị cưới bạn trai người Nhật. Đăng ký kết hôn với người nước ngoài thì bên anh ấy phải chuẩn bị giấy tờ gì?');
    expect((await again('lệ phí bao nhiêu?')).procedure).toBeNull();
  });

  test('how long a paper of the dossier stays valid is answered from the documents, not the result', async () => {
    const say = await conversation();
    await say('Mình là nữ, đang chuẩn bị cưới bạn trai người Nhật. Đăng ký kết hôn với người nước ngoài thì bên anh ấy phải chuẩn bị giấy tờ gì?');
    const validity = await say('Giấy xác nhận của tổ chức y tế có bắt buộc không, có giá trị trong bao lâu?');
    expect(validity.procedure?.code).toBe('2.000806');
    expect(validity.intent).toBe('documents');
    expect(validity.replies.map((r) => r.text).join('\n')).toContain('06 tháng');
    // The result's own validity is still the result's.
    const result = await say('giấy chứng nhận kết hôn có giá trị bao lâu');
    expect(result.intent).toBe('result');
  });

  test('after a list, how to submit ("nộp trực tiếp") and a word that differs by its accent ("sổ mới", "số mới") pick no option', async () => {
    const say = await conversation();
    const list = await say('Sổ đỏ nhà tôi cấp từ năm 1998, giờ bị ố vàng, rách mép. Tôi muốn đổi sang sổ mới thì cần chuẩn bị những giấy tờ gì?');
    expect(list.procedure).toBeNull();
    const again = await say('Nộp trực tiếp thì mấy ngày có sổ mới?');
    expect(again.procedure?.code).not.toBe('2.000575');
  });

  test('with a list open, words a long unrelated name merely contains ask again with the same options', async () => {
    const say = await conversation();
    // A loss told in the story keeps the plain procedure from being assumed: the options are listed.
    const list = await say('2 dua e tinh cuoi cuoi nam nay ma e lam mat het giay to, dang ky ket hon thi lam o dau, can nhung giay to j a');
    expect(list.procedure).toBeNull();
    const again = await say('nguoi yeu e thuong tru o tinh khac thi dang ky o xa nao cung dc ha');
    expect(again.procedure).toBeNull();
    const text = again.replies.map((r) => r.text).join('\n');
    expect(text).toContain('1.000894');
    expect(text).not.toContain('1.001280');
  });

  test('with a list open, a facet question that only finds another uncertain list asks again with the same options', async () => {
    const say = await conversation();
    const list = await say('e sap di xkld dai loan, cty moi gioi bao phai nop phieu lltp so 1. xin phieu nay o dau vay');
    expect(list.procedure).toBeNull();
    expect(list.replies.map((r) => r.text).join('\n')).toContain('3.000333');
    // "đơn … cấp lại" alone finds building permits' re-issue, named by none of its words outright.
    const form = await say('Đơn xin cấp lại làm theo mẫu nào vậy?');
    expect(form.procedure).toBeNull();
    expect(form.intent).toBe('documents');
    const text = form.replies.map((r) => r.text).join('\n');
    expect(text).toContain('3.000333');
    expect(text).not.toMatch(/giấy phép xây dựng/i);
  });

  test('a follow-up that names another procedure moves to it', async () => {
    const say = await conversation();
    expect((await say('Xin giấy phép kinh doanh vận tải bằng xe ô tô thì hồ sơ cần gì?')).procedure?.name).toMatch(/giấy phép kinh doanh vận tải/i);
    const badge = await say('Xe tải chạy dịch vụ có phải gắn phù hiệu không, xin ở đâu?');
    expect(badge.procedure?.name).toMatch(/Phù hiệu/);
  });
});

test('"đổi tiền rách ở đâu" is about exchanging damaged money, asked as where/how, not a fee question', async () => {
  const say = await conversation();
  const reply = await say('đổi tiền rách ở đâu');
  expect(reply.intent).toBe('how_to');
  expect(reply.procedure?.name).toMatch(/không đủ tiêu chuẩn lưu thông/);
});

describe('a matter outside the catalog', () => {
  test('a lost diploma is said to be outside the catalog, never a re-issue of another paper "bị mất"', async () => {
    const say = await conversation();
    const reply = await say('Cho tôi hỏi thủ tục xin cấp lại bằng tốt nghiệp THPT bị mất?');
    expect(reply.intent).toBe('out_of_scope');
    expect(reply.procedure).toBeNull();
    expect(reply.replies.map((r) => r.text).join('\n')).toMatch(/văn bằng, chứng chỉ, học bạ/);
  });

  test('as the story\'s background, it leaves the procedure whose object the rest of the message says', async () => {
    const say = await conversation();
    const residence = await say('Công ty tôi ở Bắc Ninh tuyển một kỹ sư người Hàn Quốc, anh ấy đã có giấy phép lao động 2 năm. Công ty muốn làm thẻ tạm trú cho anh ấy thì nộp ở đâu?');
    // Named, or first among the options.
    expect(residence.intent).toBe('how_to');
    expect(residence.procedure?.code ?? residence.replies.map((r) => r.text).join('\n')).toMatch(/1\.003460/);
    const copy = await (await conversation())('Tôi làm mất bằng tốt nghiệp THPT, trường cũ vẫn còn lưu sổ gốc. Tôi muốn xin bản sao từ sổ gốc thì làm thế nào?');
    expect(copy.procedure?.code).toBe('2.000908');
  });
});

test('a citizen\'s lost health-insurance card is never the police\'s own card, and the citizens\' procedure is offered', async () => {
  const say = await conversation();
  const reply = await say('Em làm mất thẻ BHYT rồi, giờ xin cấp lại ở đâu ạ?');
  const text = reply.replies.map((r) => r.text).join('\n');
  expect(reply.procedure?.code ?? text).toMatch(/1\.002759/);
  for (const police of ['1.001294', '1.001327', '1.002438', '1.001321']) {
    expect(reply.procedure?.code).not.toBe(police);
    expect(text).not.toContain(police);
  }
});

/** The procedure a reply answers and every code its text names (a list's options). */
const codesIn = (reply: { procedure: { code: string } | null; replies: Array<{ text?: string }> }) =>
  new Set([reply.procedure?.code, ...reply.replies.flatMap((r) => r.text?.match(/\d\.\d{6}/g) ?? [])].filter(Boolean));

describe('a kind of filer or object named rules out the procedures for another kind', () => {

  test('"cty" pausing its business is offered the companies\' notice, never the household business\'s', async () => {
    const say = await conversation();
    const codes = codesIn(await say('cty e lam an e am qua, muon tam ngung kinh doanh 1 nam thi phai thong bao the nao'));
    expect(codes).toContain('2.002029');
    expect(codes).not.toContain('1.001570');
    const shop = codesIn(await (await conversation())('tiệm tạp hóa nhà tôi muốn tạm ngừng kinh doanh 3 tháng thì làm sao'));
    expect(shop).toContain('1.001570');
    expect(shop).not.toContain('2.002029');
  });

  test('"sang tên" a piece of land is a land-rights transfer, not a vehicle\'s change of owner', async () => {
    const say = await conversation();
    const reply = await say('ông bà cho cháu miếng đất thì sang tên có mất tiền j hok ad');
    const codes = codesIn(reply);
    expect(codes).not.toContain('1.013076');
    expect([...codes].some((code) => ['1.013831', '1.013980'].includes(code!))).toBe(true);
  });
});

test('tied options count together: three kinds of company outweigh one less fitting procedure, and share the fee answer', async () => {
  const say = await conversation();
  const reply = await say('le phi dang ky doanh nghiep');
  expect(reply.intent).toBe('fee');
  expect(['2.002043', '2.001583', '2.001199']).toContain(reply.procedure?.code);
  const text = reply.replies.map((r) => r.text).join('\n');
  expect(text).toMatch(/giống nhau ở các thủ tục/);
  expect(text).not.toContain('Hiệu đính');
});

describe('a tax or charge that is a procedure of its own', () => {
  const textOf = (reply: { replies: Array<{ text?: string }> }) => reply.replies.map((r) => r.text ?? '').join('\n');

  test('"phí trước bạ xe máy" is the declaration of lệ phí trước bạ, whose own fee is not said to be the charge', async () => {
    const reply = await (await conversation())('phi truoc ba xe may cu bao nhieu');
    expect(reply.intent).toBe('fee');
    expect(reply.procedure?.code).toBe('1.007700');
    const text = textOf(reply);
    expect(text).not.toContain('bạn không phải nộp tiền');
    expect(text).toContain('không phải lệ phí trước bạ');
    expect(text).toMatch(/dữ liệu thủ tục không ghi mức này/);
  });

  test('asked after the vehicle\'s change of owner, the charge moves to the procedures declaring it, not the land\'s', async () => {
    const say = await conversation();
    expect((await say('mua xe may cu cua nguoi quen, gio muon sang ten chinh chu thi lam gi')).procedure?.code).toBe('1.013076');
    const levy = await say('phi truoc ba bao nhieu');
    const codes = codesIn(levy);
    expect(codes).toContain('1.007700');
    expect(codes).not.toContain('1.013076');
    expect(codes).not.toContain('1.007277');
    expect(textOf(levy)).not.toContain('bạn không phải nộp tiền');
  });
});

test('close options submitted the same ways but at other agencies, by other steps, are listed for a how-to question, not answered as one', async () => {
  const reply = await (await conversation())('cong ty em muon doi dia chi tru so trong cung quan');
  expect(reply.intent).toBe('how_to');
  expect(reply.procedure).toBeNull();
  expect(codesIn(reply)).toContain('2.002041');
  expect(reply.replies.map((r) => r.text).join('\n')).not.toMatch(/giống nhau ở các thủ tục/);
});

test('"tiền mai táng" of a pensioner who died is the social-insurance death benefits (chế độ tử tuất), not a pension', async () => {
  const reply = await (await conversation())('bố tôi hưởng lương hưu, mới mất tuần trước, giờ nhận tiền mai táng ở đâu');
  const codes = codesIn(reply);
  expect(codes).toContain('2.000821');
  expect(reply.procedure?.code ?? '2.000821').toBe('2.000821');
});

test('a copy of a death or marriage record ("trích lục khai tử", "bản sao giấy chứng tử") is the copy of a civil-status extract, not the registration', async () => {
  for (const message of ['xin trich luc khai tu cho ba de lam so do', 'can ban sao giay chung tu cua me, xin o dau']) {
    const reply = await (await conversation())(message);
    expect(reply.procedure?.code).toBe('2.000635');
  }
});

describe('a follow-up that says only an action or a state is about the object under discussion', () => {
  test('"làm lại thế nào" after a birth registration stays with birth registration, never an identity card\'s reissue', async () => {
    const say = await conversation();
    expect((await say('cho hoi dang ky khai sinh qua han thi co bi phat khong')).procedure?.code).toBe('1.001193');
    const again = await say('lam lai the nao');
    expect(again.procedure?.name).toMatch(/khai sinh/i);
    expect(codesIn(again)).not.toContain('1.014064');
  });

  test('"cấp lại thì sao" after the exchange of an identity card is the reissue of that card', async () => {
    const say = await conversation();
    expect((await say('cap doi the can cuoc can gi')).procedure?.code).toBe('1.014063');
    const reissue = await say('cap lai thi sao');
    expect(reissue.procedure?.code).toBe('1.014064');
    expect(reissue.intent).toBe('documents');
  });
});

test('a question no facet covers, whose words the record speaks of, is answered from that record\'s passages, not from a procedure its words find', async () => {
  const say = await conversation();
  expect((await say('em muốn đăng ký thường trú vào nhà chồng')).procedure?.code).toBe('1.004222');
  const owner = await say('chủ hộ không cho thì sao');
  expect(owner.procedure?.code).toBe('1.004222');
  const text = owner.replies.map((r) => r.text).join('\n');
  expect(text).toMatch(/về điều bạn hỏi, dữ liệu thủ tục “Đăng ký thường trú” ghi/);
  expect(text).toContain('chủ hộ');
  expect(codesIn(owner)).not.toContain('2.000720');
});

test('a short question about the procedure under discussion that its record does not speak of is told so, with where to ask — not "out of scope"', async () => {
  const say = await conversation();
  expect((await say('con gai e 16 tuoi muon lam ho chieu di du hoc')).procedure?.code).toBe('1.001456');
  const silent = await say('can bo me di cung ko');
  expect(silent.intent).toBe('overview');
  expect(silent.procedure?.code).toBe('1.001456');
  const text = silent.replies.map((r) => r.text).join('\n');
  expect(text).toMatch(/không ghi về điều bạn hỏi/);
  expect(text).toContain('Mã thủ tục 1.001456');
  const weather = await say('thoi tiet hom nay the nao');
  expect(weather.intent).toBe('out_of_scope');
});

test('after a list, a facet question whose words name no option ("thời hạn giấy phép bao lâu") asks again with the options, never picks one by a stray word of its name', async () => {
  const say = await conversation();
  const first = await say('xin giấy phép kinh doanh xăng dầu');
  expect(first.procedure).toBeNull();
  expect(first.replies.map((r) => r.text).join('\n')).toMatch(/Bạn chọn giúp em thủ tục đúng/);
  const again = await say('thời hạn giấy phép bao lâu');
  expect(again.procedure).toBeNull();
});

test('"đăng ký tạm vắng" typed without accents finds the absence declaration first ("vang" is not "vâng"), not an aircraft\'s temporary registration', async () => {
  const say = await conversation();
  const reply = await say('cho hoi dang ky tam vang o dau');
  const text = reply.replies.map((r) => r.text).join('\n');
  if (reply.procedure) expect(reply.procedure.code).toBe('1.003677');
  else expect(text).toMatch(/1\. Khai báo tạm vắng \(mã 1\.003677\)/);
  expect(text).not.toMatch(/tàu bay/);
});

test('a correction that finds no procedure surely ("à nhầm, ý em là tạm trú cho con đi học xa") leaves the one under discussion: never answered from its record', async () => {
  const say = await conversation();
  expect((await say('dang ky thuong tru can gi')).procedure?.code).toBe('1.004222');
  const corrected = await say('a nham y e la tam tru cho con di hoc xa');
  expect(corrected.procedure?.code).not.toBe('1.004222');
  const text = corrected.replies.map((r) => r.text).join('\n');
  if (!corrected.procedure) expect(text).toContain('Đăng ký tạm trú (mã 1.004194)');
  else expect(corrected.procedure.code).toBe('1.004194');
});

test('words the catalog\'s names say ("thuế thì sao") with no procedure fitting surely ask for the procedure\'s name — not "out of scope"; an off-topic message still is', async () => {
  const say = await conversation();
  const tax = await say('thuế thì sao');
  expect(tax.intent).not.toBe('out_of_scope');
  expect(tax.procedure).toBeNull();
  expect(tax.replies.map((r) => r.text).join('\n')).toMatch(/chưa tìm thấy thủ tục phù hợp/);
  expect((await say('kể chuyện cười đi')).intent).toBe('out_of_scope');
});

test('matters the national records hold no procedure for (a karaoke or retail alcohol licence, a pet) are told so honestly, never answered with a procedure sharing a word; a procedure the rest of the message names is still found', async () => {
  for (const [text, matter] of [
    ['con mèo nhà tôi bị ốm', 'thú cưng'],
    ['xin giấy phép kinh doanh karaoke', 'karaoke'],
    ['xin giay phep ban le ruou', 'rượu'],
  ] as const)
    await expectOutsideCatalog(text, matter);
  expect((await (await conversation())('mở quán karaoke cần đăng ký kinh doanh không')).procedure?.code).toBe('1.001612');
  expect((await (await conversation())('cấp giấy chứng nhận đủ điều kiện về an ninh trật tự cho quán karaoke')).procedure?.code).toMatch(/^(2\.001478|1\.003204)$/);
});

test('an answer that offers the same procedure at other levels keeps it under discussion: "lệ phí bao nhiêu" answers its fee, not the list again; a level said picks that level', async () => {
  const say = await conversation();
  const first = await say('lam lai cccd bi mat o dau');
  expect(first.procedure?.code).toBe('1.014064');
  expect(first.replies.map((r) => r.text).join('\n')).toMatch(/còn được thực hiện tại/);
  const fee = await say('le phi bao nhieu');
  expect(fee.intent).toBe('fee');
  expect(fee.procedure?.code).toBe('1.014064');
  const online = await say('nop online duoc khong');
  expect(online.procedure?.code).toBe('1.014064');
  const other = await conversation();
  await other('lam lai cccd bi mat o dau');
  expect((await other('cấp tỉnh')).procedure?.code).toBe('2.001194');
});

test('"xin cấp lại sổ hộ khẩu" is told the book is no longer issued (Luật Cư trú, khoản 3 Điều 38) and pointed to Xác nhận thông tin về cư trú, not answered with another book\'s re-issue; "nhập hộ khẩu" is still the permanent residence', async () => {
  const reply = await (await conversation())('xin cấp lại sổ hộ khẩu');
  expect(reply.procedure).toBeNull();
  const text = reply.replies.map((r) => r.text).join('\n');
  expect(text).toMatch(/không còn được cấp mới hay cấp lại/);
  expect(text).toContain('68/2020/QH14');
  expect(text).not.toMatch(/thuyền viên/);
  expect((await (await conversation())('nhap ho khau cho con')).procedure?.code).toBe('1.004222');
});

test('a follow-up whose words the procedure under discussion (or a sibling of its object) says side by side stays with it: "cái ở trong nước" of a passport, "nếu chồng là người nước ngoài thì sao" of a marriage', async () => {
  const passport = await conversation();
  expect((await passport('lam ho chieu can gi')).procedure?.code).toBe('1.001456');
  const domestic = await passport('cai o trong nuoc');
  expect(domestic.procedure?.code).toBe('1.001456');
  expect(domestic.intent).toBe('documents');
  const marriage = await conversation();
  expect((await marriage('dang ky ket hon can giay to gi')).procedure?.code).toBe('1.000894');
  const foreign = await marriage('neu chong la nguoi nuoc ngoai thi sao');
  expect(foreign.procedure?.code).toBe('2.000806');
  expect(foreign.intent).toBe('documents');
});

test('"bị mất thì sao" after a licence\'s exchange is the re-issue of that very licence, not a list of other lost papers nor a driving school\'s licence', async () => {
  const say = await conversation();
  expect((await say('cap doi giay phep lai xe')).procedure?.code).toBe('3.000347');
  expect((await say('con bi mat thi sao')).procedure?.code).toBe('3.000348');
});

test('a nationality said with "người" ("với người Nhật", "chồng em là người Nhật") makes a marriage the one with a foreign element, asked outright or as a follow-up', async () => {
  expect((await (await conversation())('dang ky ket hon voi nguoi nhat')).procedure?.code).toBe('2.000806');
  const say = await conversation();
  expect((await say('dang ky ket hon can gi')).procedure?.code).toBe('1.000894');
  expect((await say('chong em la nguoi nhat')).procedure?.code).toBe('2.000806');
});

test('"lệ phí trước bạ" after a motorbike\'s change of owner is the declaration for other assets, not the one for boats and ships that name excepts', async () => {
  const say = await conversation();
  expect((await say('toi muon sang ten xe may mua lai cua nguoi quen')).procedure?.code).toBe('1.013076');
  const levy = await say('le phi truoc ba bao nhieu');
  expect(levy.intent).toBe('fee');
  expect(levy.procedure?.code).toBe('1.007700');
  expect((await (await conversation())('khai le phi truoc ba tau ca')).procedure?.code).toBe('1.007699');
});

test('"ai ký" of the procedure under discussion answers who decides it; hiring foreign workers and office hours are matters outside the catalog', async () => {
  const say = await conversation();
  expect((await say('xin giay xac nhan tinh trang hon nhan')).procedure?.code).toBe('1.004873');
  const who = await say('ai ký giấy này');
  expect(who.intent).toBe('how_to');
  expect(who.procedure?.code).toBe('1.004873');
  expect(who.replies.map((r) => r.text).join('\n')).toContain('Cơ quan giải quyết');
  for (const [text, matter] of [
    ['cong ty muon thue lao dong nuoc ngoai thi xin giay phep gi', 'giấy phép lao động'],
    ['ubnd xa co lam viec thu 7 khong', 'giờ làm việc'],
  ] as const)
    await expectOutsideCatalog(text, matter);
});

test('"trợ cấp thai sản" is the maternity benefit, never committed to the recovery allowance after maternity whose name says "trợ cấp"', async () => {
  const reply = await (await conversation())('cho mk hỏi thủ tục xin trợ cấp thai sản cho chồng khi vợ sinh');
  expect(reply.procedure?.code ?? '2.000693').toBe('2.000693');
  expect(reply.replies.map((r) => r.text).join('\n')).toContain('Giải quyết hưởng chế độ thai sản');
});

test('"làm cccd cho con 6t" is about a child: the card for under-14s comes first, the card from 14 up is ruled out', async () => {
  const reply = await (await conversation())('lm cccd cho con 6t dc ko');
  const said = reply.replies.map((r) => r.text).join('\n');
  expect(reply.procedure?.code ?? '1.014062').toBe('1.014062');
  expect(said).toContain('Cấp thẻ căn cước cho người dưới 14 tuổi');
  expect(said).not.toContain('từ đủ 14 tuổi trở lên');
});

test('"có cần mang cccd không" after a procedure asks about its dossier: it stays on that procedure and answers its documents, not the identity card\'s issue', async () => {
  const say = await conversation();
  expect((await say('khai bao tam vang')).procedure?.code).toBe('1.003677');
  const papers = await say('co can mang cccd ko');
  expect(papers.procedure?.code).toBe('1.003677');
  expect(papers.intent).toBe('documents');
  // Asked first, the card is what is asked about.
  expect((await (await conversation())('lam cccd can gi')).procedure?.code).toMatch(/^(1\.014061|2\.000200|1\.001247)$/);
});

test('a complaint about a land decision or a denunciation of a neighbour is told where the law sends it (Luật Khiếu nại, Luật Tố cáo), never answered with the legal-aid complaint; the police\'s and legal aid\'s own complaint procedures are still found; a waste-water permit is the environmental permit', async () => {
  for (const text of ['toi muon khieu nai quyet dinh thu hoi dat', 'em muon to cao hang xom lan chiem dat']) {
    const reply = await (await conversation())(text);
    expect(reply.procedure, text).toBeNull();
    const said = reply.replies.map((r) => r.text).join('\n');
    expect(said, text).toContain('02/2011/QH13');
    expect(said, text).toContain('25/2018/QH14');
  }
  expect((await (await conversation())('khieu nai ve tro giup phap ly')).procedure?.code).toBe('2.000592');
  expect((await (await conversation())('khiếu nại quyết định hành chính của công an phường')).procedure?.code).toMatch(/^(1\.003504|1\.000178|1\.004335)$/);
  // A waste-water discharge is permitted by the environmental permit, which the catalog holds.
  const waste = await (await conversation())('cty em muon xin giay phep xa thai');
  expect(waste.replies.map((r) => r.text).join('\n')).toContain('Cấp giấy phép môi trường');
});

test('thanks that go on to ask ("ok cảm ơn anh, còn việc rút tiền tuất bhxh của bố thì sao") are answered, not only thanked; plain thanks are thanked', async () => {
  const say = await conversation();
  expect((await say('đăng ký khai tử cho bố ở đâu ạ')).procedure?.code).toBe('1.000656');
  const more = await say('ok cảm ơn anh, còn việc rút tiền tuất bhxh của bố thì sao');
  expect(more.intent).not.toBe('thanks');
  expect(more.replies.map((r) => r.text).join('\n')).toContain('Giải quyết hưởng chế độ tử tuất');
  expect((await say('vay thoi, cam on ad nhe')).intent).toBe('thanks');
});

test('a social-insurance payout asked after the insured\'s death is the survivors\' benefit, never the insured\'s own lump sum; asked of oneself it is the lump sum', async () => {
  for (const text of ['chồng mất, rút BHXH một lần của ông ấy thì làm sao', 'bo em mat nam ngoai, so bhxh cua bo con dong 15 nam, gia dinh duoc nhan tien gi']) {
    const reply = await (await conversation())(text);
    expect(reply.procedure?.code ?? '2.000821', text).toBe('2.000821');
    const said = reply.replies.map((r) => r.text).join('\n');
    expect(said, text).toContain('Giải quyết hưởng chế độ tử tuất');
    expect(said, text).not.toContain('Giải quyết hưởng bảo hiểm xã hội một lần');
  }
  expect((await (await conversation())('rut bhxh 1 lan can gi')).procedure?.code).toBe('1.001613');
});

test('"mã số thuế cá nhân" is the first tax registration of an individual, not the withholding registration for foreign contractors whose name says "cấp mã số thuế"', async () => {
  for (const text of ['minh muon cap ma so thue ca nhan', 'xin mst ca nhan o dau']) {
    expect((await (await conversation())(text)).procedure?.code, text).toBe('1.008498');
  }
});

test('"lên thổ cư", "chuyển sang đất ở" are the change of land use; "sửa chữa nhà" asks for the repair permit, not a weapon repair licence', async () => {
  const land = await (await conversation())('dat nong nghiep chuyen sang dat o mat bao nhieu tien');
  expect(land.replies.map((r) => r.text).join('\n')).toMatch(/chuyển mục đích sử dụng đất/);
  const repair = await (await conversation())('xin giấy phép sửa chữa nhà');
  const said = repair.replies.map((r) => r.text).join('\n');
  expect(said).toContain('Cấp giấy phép xây dựng sửa chữa, cải tạo');
  expect(said).not.toMatch(/vũ khí/);
});

test('a tobacco retail licence, a press card and a wedding party are matters outside the catalog; a wedding told as background still finds the marriage registration', async () => {
  for (const [text, matter] of [
    ['xin cấp giấy phép bán thuốc lá', 'thuốc lá'],
    ['toi muon lam the nha bao', 'thẻ nhà báo'],
    ['xin giay phep to chuc dam cuoi', 'đám cưới'],
  ] as const)
    await expectOutsideCatalog(text, matter);
  expect((await (await conversation())('lam dam cuoi roi ma chua dang ky ket hon thi lam sao')).procedure?.code).toBe('1.000894');
});

test('a lost marriage certificate is had again as a copy of the record or by registering the marriage again — never the land certificate\'s re-issue "do bị mất"', async () => {
  for (const text of ['xin cap lai giay chung nhan ket hon bi mat', 'mất giấy kết hôn thì làm sao']) {
    const reply = await (await conversation())(text);
    expect(reply.procedure?.code ?? null, text).not.toBe('1.012786');
    expect(reply.procedure?.code ?? null, text).not.toBe('1.000894');
    expect(reply.replies.map((r) => r.text).join('\n'), text).toMatch(/đăng ký lại kết hôn|Trích lục/);
  }
});
