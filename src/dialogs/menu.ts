/** The main menu, the area menus and the language menu, as choices every channel can show. */
import { say } from '../i18n.js';
import { AREAS, INTENTS, type Area } from '../knowledge/intents/catalog.js';
import { LANGS, LANG_NAMES, type Lang } from '../knowledge/languages.js';
import { withKeys } from './keys.js';
import type { Choice, Reply } from './types.js';

/** LINE shows at most 13 quick replies; one is kept for "main menu". */
const MAX_TOPICS = 12;

export const MENU_CHOICE: Choice = { id: 'menu', label: say('common:menu.back'), dtmf: '#' };

export const intentChoice = (intent: string): Choice => ({ id: `intent:${intent}`, label: say(`faq:${intent}.label`) });

/** Main-menu keys on the phone; 2, the lost card, as on the national free dial. */
const AREA_KEYS: Record<Area, string> = { konbini: '1', lost: '2', pins: '3', validity: '4', changes: '5', contacts: '6', card: '7' };

export function mainMenu(lang: Lang, intro: string[] = []): Reply {
  return {
    lang,
    messages: [...intro.map((key) => say(key)), say('common:menu.prompt')],
    choices: [
      // A lost card goes straight to the suspension line, not to a sub-menu.
      ...AREAS.map((area) =>
        area === 'lost'
          ? { id: 'intent:lost_stolen', label: say('common:menu.area.lost'), dtmf: AREA_KEYS.lost }
          : { id: `area:${area}`, label: say(`common:menu.area.${area}`), dtmf: AREA_KEYS[area] },
      ),
      { id: 'office', label: say('common:menu.office'), dtmf: '0' },
      { id: 'language', label: say('common:menu.language'), dtmf: '9' },
    ],
    calls: ['freeDial'],
  };
}

export function areaMenu(lang: Lang, area: Area): Reply {
  const topics = INTENTS.filter((i) => i.area === area).slice(0, MAX_TOPICS);
  return {
    lang,
    messages: [say('common:menu.areaPrompt')],
    choices: withKeys([...topics.map((i) => intentChoice(i.id)), MENU_CHOICE]),
    calls: [],
  };
}

export function languageMenu(lang: Lang): Reply {
  return {
    lang,
    messages: [say('common:language.prompt')],
    // Each language is offered in its own name, whatever the current language.
    choices: withKeys(LANGS.map((code) => ({ id: `lang:${code}`, label: say('common:language.name', { name: LANG_NAMES[code] }) }))),
    calls: [],
  };
}

const RESTART = /^(menu|main menu|start over|restart|start|top|back|メニュー|めにゅー|最初から|はじめから|初めから|トップ|戻る|菜单|主菜单|重新开始|返回|메뉴|처음으로|처음|menú|inicio|empezar de nuevo|volver|início|inicio|recomeçar|voltar|começar de novo|quay lại|quay lai|bắt đầu lại|bat dau lai|trở về|tro ve|menu chính|はじめから)[\s!.。！]*$/iu;

export const isRestart = (text: string): boolean => RESTART.test(text.normalize('NFKC').trim());
