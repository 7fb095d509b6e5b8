/** The main menu, the area menus and the language menu, as choices every channel can show. */
import { say } from '../i18n.js';
import { AREAS, INTENTS, type Area } from '../knowledge/intents/catalog.js';
import { LANGS, LANG_NAMES, type Lang } from '../knowledge/languages.js';
import type { Choice, Reply } from './types.js';

/** LINE shows at most 13 quick replies; one is kept for "main menu". */
const MAX_TOPICS = 12;

export const MENU_CHOICE: Choice = { id: 'menu', label: say('common:menu.back') };

export const intentChoice = (intent: string): Choice => ({ id: `intent:${intent}`, label: say(`faq:${intent}.label`) });

export function mainMenu(lang: Lang, intro: string[] = []): Reply {
  return {
    lang,
    messages: [...intro.map((key) => say(key)), say('common:menu.prompt')],
    choices: [
      ...AREAS.map((area) => ({ id: `area:${area}`, label: say(`common:menu.area.${area}`) })),
      { id: 'language', label: say('common:menu.language') },
    ],
    calls: ['freeDial'],
  };
}

export function areaMenu(lang: Lang, area: Area): Reply {
  const topics = INTENTS.filter((i) => i.area === area).slice(0, MAX_TOPICS);
  return {
    lang,
    messages: [say('common:menu.areaPrompt')],
    choices: [...topics.map((i) => intentChoice(i.id)), MENU_CHOICE],
    calls: [],
  };
}

export function languageMenu(lang: Lang): Reply {
  return {
    lang,
    messages: [say('common:language.prompt')],
    // Each language is offered in its own name, whatever the current language.
    choices: LANGS.map((code) => ({ id: `lang:${code}`, label: say('common:language.name', { name: LANG_NAMES[code] }) })),
    calls: [],
  };
}

const RESTART = /^(menu|main menu|start over|restart|start|top|back|メニュー|めにゅー|最初から|はじめから|初めから|トップ|戻る|菜单|主菜单|重新开始|返回|메뉴|처음으로|처음|menú|inicio|empezar de nuevo|volver|início|inicio|recomeçar|voltar|começar de novo)[\s!.。！]*$/iu;

export const isRestart = (text: string): boolean => RESTART.test(text.normalize('NFKC').trim());
