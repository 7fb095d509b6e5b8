/** "English please", "日本語で", "português": explicit requests to change the language. */
import type { Lang } from '../knowledge/languages.js';

// Easy Japanese is tried first: its name contains the word for Japanese.
const NAMES: [Lang, RegExp][] = [
  ['ja-easy', /(やさしい\s?(日本語|にほんご)|易しい日本語|優しい日本語|easy japanese|simple japanese|tiếng nhật dễ|tieng nhat de)/iu],
  ['ja', /(日本語|にほんご|japanese|japones|japonês|japonés|日语|일본어|tiếng nhật|tieng nhat)/iu],
  ['en', /(english|英語|えいご|英语|영어|ingles|inglés|inglês)/iu],
  ['zh', /(中文|中国語|中国语|汉语|普通话|chinese|chino|chines|chinês|중국어)/iu],
  ['ko', /(한국어|韓国語|かんこくご|韩语|韩国语|korean|coreano)/iu],
  ['es', /(español|espanol|spanish|スペイン語|西班牙语|스페인어|espanhol)/iu],
  ['pt', /(português|portugues|portuguese|ポルトガル語|葡萄牙语|포르투갈어|portugués)/iu],
  ['vi', /(tiếng việt|tieng viet|vietnamese|vietnamita|ベトナム語|越南语|베트남어)/iu],
];

// Words around a language name in a request ("English please", "日本語でお願いします").
const FILLER =
  /(please|pls|can|could|you|we|in|speak|talk|switch|change|to|language|idioma|lingua|língua|por favor|em|en|hablar|habla|falar|fala|cambiar|mudar|para|で|お願い|おねがい|します|して|ください|に|話して|変えて|言語|请|用|说|讲|吧|换成|改成|으로|로|해주세요|해 주세요|주세요|말해|바꿔|언어|bằng|bang|nói|noi|đổi|doi|sang|xin|vui lòng|làm ơn|lam on|[\s!.。！?？,、~])/giu;

/** A short message that is only a language name with polite filler: "can I get a juminhyo in English?" is a question, not a request. */
export function requestedLanguage(text: string): Lang | undefined {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed.length > 40) return undefined;
  // The first name found; Easy Japanese before Japanese, whose name it contains.
  const hit = NAMES.find(([, pattern]) => pattern.test(trimmed));
  if (!hit) return undefined;
  const [lang, pattern] = hit;
  const rest = trimmed.replace(new RegExp(pattern.source, 'giu'), '').replace(FILLER, '');
  return rest.length <= 2 ? lang : undefined;
}
