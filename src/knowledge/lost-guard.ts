/**
 * A high-recall guard for lost or stolen cards. A resident who lost the card must reach the
 * suspension line even when the classifier would pick something else, so these patterns fire
 * on any loss or theft wording unless the message is clearly about a PIN or about a card that
 * has turned up again.
 */
import type { WrittenLang } from './languages.js';
import { baseNormalize, stripAccents } from './analyzers/shared.js';
import { foldVietnamese } from './analyzers/vi.js';
import { canonicalTerms } from './terms.js';
import { readAsJapanese } from './romaji.js';
import { MY_NUMBER_NAMED, OTHER_ID } from './other-document.js';

interface GuardPatterns {
  loss: RegExp;
  found: RegExp;
  pinOnly: RegExp;
  card: RegExp;
}

// Loss words about something else: the card case, or misuse of the number ("steal my identity").
const NOT_THE_CARD = /(lost (my|his|her) (job|way|husband|wife|mother|father)|got lost|なりすまし|identity|identidad|identidade|身份|도용|명의|nacionalidad|国籍|nationality|(pra|para) (nao|no) perder|not lose)/iu;
// The card case (a sleeve given with the card) lost on its own, not with the card in it.
const CASE_ONLY = /(ケース|入れ物|\bcase\b|capinha|\bcapa\b|funda|estuche|卡套|卡包|케이스|\bvo the\b|\bbao (dung )?the\b)/iu;
const CARD_INSIDE = /(入って|入れて|ごと|in it|inside|with (my|the) card|dentro|adentro|里面|里的|안에|들어|\bben trong\b|\bco ca the\b)/iu;
// "Not the My Number card, that one I have": the other document is the loss.
const MY_NUMBER_SAFE = /(not (my |the )?my ?number|my ?number card (is|was) (fine|safe|ok|here)|still have (my |the )?my ?number|(la |el )?my ?number,? no\b|(si|todavia) (la|lo) tengo|my ?number[^.?!]{0,25}(esta bien|sigue conmigo)|(마이넘버카드|마이나\s?카드)\s?(는|은)[^.?!]{0,15}(있어요|있어|괜찮)|(マイナンバーカード|マイナ)\s?[^。]{0,8}(はある|は無事|は大丈夫|は手元)|(个人编号卡|卡)[^。，]{0,6}(还在|没丢))/iu;
// A wallet or a bag may hold this card beside the other document: still a loss.
const CONTAINER = /(財布|さいふ|サイフ|かばん|鞄|カバン|バッグ|ポーチ|钱包|背包|包包|지갑|가방|wallet|purse|\bbag\b|backpack|cartera|billetera|bolso|mochila|carteira(?! de motorista)|bolsa|\bvi tien\b|\bcai vi\b|\bbop\b|\btui xach\b|\bba ?lo\b)/iu;

// A lost paper that is not the card ("I lost my tax payment slip"), unless a card or wallet is named too.
const OTHER_PAPER = /(納付書|納税通知|通知書|請求書|領収書|払込票|振込用紙|缴费单|缴税单|通知单|纳税通知|收据|납부서|고지서|납세|영수증|\b(payment slip|tax bill|bill|invoice|receipt|boleta de pago|recibo|factura|boleto|comprovante|carne do imposto)\b)/iu;
// "I already stopped it, how do I get a new one?": the suspension is done, the question is the reissue.
const ALREADY_STOPPED = /(止めた(?!い)|止めました|停止した(?!い)|停止しました|停止済|止めてもらった|(フリーダイヤル|ダイヤル|コールセンター|専用|停止)[^。、]{0,12}電話した(?!ら)|電話で(停止|止め)|電話は(もう)?(済|し)|済ませ|届(け出)?は(もう)?出し|already (called|suspended|blocked|stopped|reported|filed|did the police|did the phone|made the police)|ya (la )?(suspend|bloque|hice la denuncia|llame|reporte)|ja (bloqueei|suspendi|liguei|fiz o boletim|avisei)|已经挂失|已挂失|停用了|挂失(之|以)?后|已经停|已经打过电话|已经报警|이미 (정지|했|신고)|정지했|신고했|\bda (goi dien|goi|tam dung|khoa the|bao mat|bao cong an|trinh bao))/iu;

const GUARDS: Record<WrittenLang, GuardPatterns> = {
  ja: {
    loss: /((なく|無く|失く)し|(カード|かーど|マイナ|財布|さいふ|サイフ|かばん|鞄|カバン|バッグ)(が|も)?(なく|無く)(なっ|なり)|紛失|nakushi|otoshi|nusuma|(どっか|どこか)にやって|落とし|おとし|盗|ぬすま|(?<!読み)(とられ|取られ)|すられ|スられ|掏ら|(スリ|すり)に|ひったくり|持って(行|い)かれ|見つから|みつから|見当たら|見当たり|みあたら|みあたり|どこにもない|(カード|マイナカード|マイナ)(が|も)?(ない|無い)(?!と|で|場合)|どっか(いった|行った)|どこか(に|へ)(いった|行った|やった)|置き忘れ|忘れてきた|(差し|挿し|入れ|置き)っぱなし(で|に(して|しちゃっ|しとっ)?)\s?(帰|出て|きた|きちゃ|来た|きて)|(に|で)[^。、？?]{0,12}(忘れ|わすれ)(た|て(き|し|ち|帰)|ちゃ)|忘れてきちゃ|忘れて帰|(差し|挿し|入れ|置い|出し)たまま|(店|駅|交番|警察|会社|タクシー|落とし物|忘れ物)[^。]{0,15}(無い|ない|なかった)(って|と)(言われ|いわれ)|置いて(き|来)(た|ちゃ|てしまっ)|行方不明|(一時|利用|機能を?)停止(したい|して|する|を|お願い)|止めたい|とめたい|止めて)/u,
    found: /(見つかった|みつかった|見つかりました|みつかりました|出てきた|でてきた|出てきました|戻ってきた|発見|解除|届いた|取り消|ありました|(に|で)あった(わ|よ|んじゃ|んです|けど|。|$))/u,
    pinOnly: /(暗証|パスワード|ぱすわーど|pin|ピン)/u,
    card: /(カード|かーど|マイナ|まいな|財布|さいふ|サイフ|かばん|鞄|カバン|バッグ|ばっぐ|ポーチ)/u,
  },
  zh: {
    loss: /(丢|遗失|丟|紛失|掉在|diule|diu le|找不着|找不见|不见了|拿走了|失窃|被偷|偷走|偷了|被盗|盗窃|被抢|抢走|(卡|钱包|包)[^。？！?!]{0,6}找不到|找不到[^。？！?!]{0,10}(卡|钱包)|不见|(卡|钱包|包)\S{0,3}掉了|弄丢|落在|忘在|忘了(拿|拔|取)|没(拿|拔|取)(走|出来)|说没(有|看到)|挂失|停用|冻结)/u,
    found: /(找到了|找回|又找到|找着了|翻出来|找出来|解除|恢复|重新启用|启用)/u,
    pinOnly: /(密码|pin)/u,
    card: /(卡|钱包|包)/u,
  },
  ko: {
    loss: /(잃|분실|紛失|도난|도둑|훔쳐|훔친|소매치기|가져갔|가져간\s?(것|거)|주워|털렸|두고\s?온|카드가\s?없어|\blost\b|없어졌|없어진|못\s?찾|안\s?보여|떨어뜨|두고\s?(왔|내렸|내린|내려|나왔|나와)|꽂아\s?(둔|두고|놓)|찾아도\s?(없|안\s?보)|(카드|지갑|가방)[^.?!]{0,20}(없대요|없다고\s?(하|했|그러))|놓고\s?(왔|내렸|내린|내려)|정지|사라졌)/u,
    found: /((?<!못\s?)찾았|찾앗|되찾|(카드|지갑|가방)\S{0,2}\s?(다시\s?)?나왔|발견|해제|정지.{0,8}(풀|취소)|다시\s?쓰)/u,
    pinOnly: /(비밀번호|비번|암호|pin)/u,
    card: /(카드|지갑|가방|마이넘버|마이나)/u,
  },
  en: {
    loss: /\b(lost|lose|losing|loose|misplac\w*|stolen|stole|steal\w*|theft|thief|robbed|rob|pickpocket\w*|missing|can'?t find|cannot find|could ?n[o']?t find|dropped|left (it|my( \w+){1,4}) (on|in|at|inside)|suspend|suspension|disappeared|is gone|was taken|vanished|was gone|nobody can find|(took|grabbed|snatched) my (card|wallet|bag|purse|backpack)|(got|been|were|was) (taken|snatched|nicked)|snatched|forgot (my|the)( \w+){1,4} (in|at|on|inside)|(haven'?t|have not|hasn'?t|has not) (been able to )?find|nothing was found|no longer there|(was|is) not there|wasn'?t there|left (it|my \w+|the card) behind|nakushita|otoshita|nusumareta|stop (my|the) card|freeze|block (my|the)|fell out|lsot|someone took|somebody took|police report)\b/u,
    found: /(\b(?<!(n't|not|never|no|nothing was|nothing has been) )found\b|\bundo\b|(cancel|remove|release|lift|end) (the|my) suspension|usable again|work again|working again|the whole time|\bturned up|\bgot it back|\bshowed up|\brecovered|\blift\w*|\bunsuspend|\breactivat\w*)/u,
    pinOnly: /\b(pin|password|passcode)\b/u,
    card: /\b(card|wallet|purse|bag|backpack|mynumber|my number)\b/u,
  },
  es: {
    loss: /\b((?!perdon)perd\w*(?!\s+(la\s+)?(validez|vigencia))|pierd\w*|se llevaron|se llevo mi|me (la|lo) quitaron|me sacaron|agarr(o|aron) mi|tom(o|aron) mi|la deje olvidada|lo deje olvidado|deje olvidad\w*|se (me|le) (quedo|olvido)|ya no estaba|ya no (tenia|tengo|tiene) (mi|su|la|el) (cartera|billetera|bolso|mochila|tarjeta)|no (la|lo) tienen|nadie (la|lo) (encontro|tiene)|no se donde|bloquear|denuncia|no la hallo|extravi\w*|robad\w*|robaron|robo|hurt\w*|no (la|lo) encuentro|no encuentro (mi|la|el) (tarjeta|cartera|billetera|bolso|mochila|my number)|se me olvido (el|la|mi) (bolso|cartera|billetera|tarjeta|mochila)|no aparece|se me cayo|deje (mi|la|el)|dej(e|o|aron) (su|la|el|mi) \w+( \w+){0,6} (en|olvidad)|nadie (la|lo) devolvio|olvid(e|o|aron|amos) (mi|la|el|su) (\w+ ){1,4}(en|dentro)|suspend\w*|bloquear la tarjeta|desaparec\w*)\b/u,
    found: /\b(la encontre|lo encontre|la encuentro|encontre (mi|la|el)|ya aparecio|aparecio|la halle|recupere|reactiv\w*|(quitar|levantar) (el bloqueo|la suspension)|ya la habia suspendido)\b/u,
    pinOnly: /\b(pin|contrasena|clave|codigo)\b/u,
    card: /\b(tarjeta|cartera|billetera|bolso|mochila|my ?number)\b/u,
  },
  pt: {
    loss: /\b((?!perdao)perd\w*(?!\s+(a\s+)?validade)|nao achei|nao sei onde|pegou meu|pegaram|levaram|levou (meu|minha|o|a)|sem a (bolsa|carteira)|bloquear|boletim de ocorrencia|deixei cair|caiu (da|do) (bolsa|bolso|carteira|mochila)|extravi\w*|roubad\w*|roubaram|roubo|furt\w*|assalt\w*|nao (acho|encontro) (o |a |meu |minha )?(cartao|carteira|bolsa|mochila|my number)|ninguem (achou|encontrou)|nao estava (mais )?(la|ali)|sumiu|sumiram|esquec(i|eu|eram|emos) (o|a|meu|minha|seu|sua) (\w+ ){1,4}(no|na|em|dentro)|deix(ei|ou|aram|amos) (o|a|meu|minha|seu|sua) \w+( \w+){0,6} (no|na|em)|ninguem devolveu|suspend\w*|bloquear o cartao|desaparec\w*)\b/u,
    found: /\b((?<!nao )achei|(?<!nao )encontrei|acharam|encontraram|reencontrei|liberar|apareceu|recuperei|reativar|desbloquear|levantar a suspensao|tinha suspendido)\b/u,
    pinOnly: /\b(pin|senha|codigo)\b/u,
    card: /\b(cartao|carteira|bolsa|mochila|my ?number)\b/u,
  },  // Vietnamese, read without tone marks: "mất" and "mặt" both read "mat", so a loss is "bị/làm/đánh mất".
  vi: {
    loss: /\b((bi|lam|danh|da|vua|hinh nhu|chac) mat|mat (the|vi|bop|tui|ba ?lo|cap|het)|that lac|bi (an )?trom|bi moc tui|bi cuop|bi giat|trom mat|lay mat|(de|bo) quen|quen (the|vi|bop|tui)[^.?!]{0,30}\b(tren|o|tai|trong)\b|khong (tim|thay|kiem) (thay|duoc|ra)|tim (mai|khap)[^.?!]{0,20}khong (thay|ra)|khong thay dau|danh roi|roi mat|tam dung the)\b/u,
    found: /\b((?<!khong )tim thay|(?<!khong )tim duoc|tim lai duoc|thay lai|da tim ra|go tam dung|huy tam dung|mo lai the)\b/u,
    pinOnly: /\b(mat khau|ma pin|pin|mat ma|ma so)\b/u,
    card: /\b(the|vi|bop|tui|ba ?lo|cap|my ?number)\b/u,
  },
};

const LATIN_LANGS: ReadonlySet<WrittenLang> = new Set(['en', 'es', 'pt']);

/**
 * A forgotten PIN is not a lost card ("se me olvidó la contraseña de la tarjeta"): taken out
 * like the validity below, so "I lost my card and forgot my PIN" is still a loss.
 */
const FORGOT_PIN = /(\bolvid\w*( por completo)? (la |el |mi |su )?(contrasena|clave|pin|codigo)\b|\besquec\w* (a |o |minha |meu )?(senha|pin|codigo)\b|\bforg[eo]t\w* (my |the )?(pin|password|passcode)\b|(暗証番号|パスワード|ぱすわーど)\s?(を|も)?\s?(忘れ|わすれ)|忘了密码|密码忘了|密码想不起来|(비밀번호|비번)(를|을)?\s?(잊|까먹)|\bquen (mat khau|ma pin|pin|mat ma)\b)/gu;

/**
 * "Loses its validity" is not a lost card ("does my card lose its validity when I move?"): the
 * phrase is taken out before the loss words are looked for, so "I lost my card — does it lose
 * its validity?" is still a loss.
 */
const LOSES_VALIDITY = /(\b(los(e|es|ing|t)|loose)\s+(its|their|the|my|your|his|her)?\s*(validity|effect)\b|\b(pierde|pierden|perdera|perder|perdio|perdería)\s+(su|la|sus)?\s*(validez|vigencia)\b|\b(perde|perdem|perdera|perder|perdeu)\s+(a|sua|seu|o)?\s*(validade|vigencia)\b|\b(continua valendo|vale|valendo|valido|valida)\b[^.?!]{0,25}\bou perde\b|\b(sigue siendo valida|sigue valiendo|vale|sirve)\b[^.?!]{0,25}\bo (se )?pierde\b|(효력|유효성|유효)(을|를|이)?\s*(잃|상실)|\b(mat|het) hieu luc\b)/gu;

/** The message as the guard's patterns read it: the guidebook's terms in this language's words, folded. */
export function foldForPatterns(text: string, lang: WrittenLang): string {
  // The card's name in any script reads as this language writes it ("Perdí mi マイナンバーカード").
  const canonical = lang === 'ja' ? readAsJapanese(canonicalTerms(text, lang)) : canonicalTerms(text, lang);
  // Accents only fold for Latin script: NFD would strip the dakuten from kana.
  if (lang === 'vi') return foldVietnamese(baseNormalize(canonical));
  return LATIN_LANGS.has(lang) ? stripAccents(baseNormalize(canonical)) : baseNormalize(canonical);
}

/** True when the message says, however indirectly, that the card was lost or stolen. */
export function looksLikeLostCard(text: string, lang: WrittenLang): boolean {
  return lostCardIn(foldForPatterns(text, lang), lang);
}

/** `looksLikeLostCard` on a message already folded by `foldForPatterns` (the matcher folds once). */
export function lostCardIn(folded: string, lang: WrittenLang): boolean {
  const guard = GUARDS[lang];
  // Most messages name no loss at all: they are settled before anything is taken out.
  if (!guard.loss.test(folded)) return false;
  const normalized = folded.replace(LOSES_VALIDITY, ' ').replace(FORGOT_PIN, ' ');
  if (!guard.loss.test(normalized)) return false;
  if (guard.found.test(normalized)) return false;
  if (NOT_THE_CARD.test(normalized) || ALREADY_STOPPED.test(normalized)) return false;
  if (CASE_ONLY.test(normalized) && !CARD_INSIDE.test(normalized)) return false;
  if (OTHER_PAPER.test(normalized) && !guard.card.test(normalized)) return false;
  // Another identity document lost ("I lost my driving licence"): not this card unless it is named too.
  if (OTHER_ID.test(normalized) && ((!MY_NUMBER_NAMED.test(normalized) && !CONTAINER.test(normalized)) || MY_NUMBER_SAFE.test(normalized))) return false;
  if (guard.pinOnly.test(normalized) && !guard.card.test(normalized)) return false;
  return true;
}

/**
 * A new card asked for ("I lost it, how much is a new one?"): the reissue is the question, and
 * the suspension line goes before its answer for whoever has not stopped the card yet. The
 * guidebook's own word for it reads the same in every language once its terms are folded.
 */
const NEW_CARD: Record<WrittenLang, RegExp> = {
  ja: /(再発行|再交付|作り直|作りなお|新しい(カード|の)|新しく(作|つく)|もう一(枚|度作))/u,
  zh: /(补办|补发|再发行|重新办|重办|新卡|再办一张|重新做)/u,
  ko: /(재발급|재교부|재발행|새\s?카드|새로\s?(만들|만드|발급)|다시\s?(만들|만드|발급))/u,
  en: /\b(reissue\w*|replace\w*|new (card|one)|another (card|one)|get (a|the) card (made|issued) again|card made again|issued again)\b/u,
  es: /\b(reposicion|reemision|reexpedicion|(tarjeta|una) nueva|nueva tarjeta|otra tarjeta|sacar otra|hacer otra|tramitar otra)\b/u,
  pt: /\b(segunda via|2a via|reemissao|(cartao|um) novo|novo cartao|outro cartao|tirar outro|fazer outro|pedir outro|emitir outro)\b/u,  vi: /\b(cap lai|lam lai|the moi|lam the moi|xin lai the|cap the moi|lam mot cai moi)\b/u,
};

export function asksForNewCard(folded: string, lang: WrittenLang): boolean {
  return NEW_CARD[lang].test(folded);
}

/** "I already had it suspended, how do I get a new one?": the reissue, the suspension is done. */
export function newCardAfterSuspension(folded: string, lang: WrittenLang): boolean {
  return NEW_CARD[lang].test(folded) && ALREADY_STOPPED.test(folded);
}
