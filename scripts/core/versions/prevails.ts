/**
 * Which language version of a transcript is authoritative, from its closing
 * notes: a sentence that says some version prevails (`prevail`, `govern`,
 * `take precedence`, `authoritative`, `binding`) names the language it means
 * as `<Language> version|text`, nearest before the verb ("In case of any
 * discrepancy between the English and Chinese texts, the Chinese version is
 * deemed to prevail." → `zh`). Chinese notes say it as `以<语言>为准`.
 * Language names are the ones `Intl.DisplayNames` gives, so any language
 * the runtime knows is recognised, not a list kept here.
 */

const PRECEDENCE =
  /\b(?:prevail(?:s|ing)?|govern(?:s|ing)?|take(?:s)? precedence|authoritative|binding|controlling)\b/iu;
const NAMED = /\b(\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?)\s+(?:language\s+)?(?:version|text|original)s?\b/gu;
const CHINESE_RULE = /以\s*(\p{Script=Han}{1,6}?)(?:版本|版|文本)?\s*为准/u;

let byEnglishName: Map<string, string> | undefined;
let byChineseName: Map<string, string> | undefined;

/** Every two-letter language code the runtime names, by its name in `locale`, lower-cased. */
function namesIn(locale: string): Map<string, string> {
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters)
    for (const b of letters) {
      const code = `${a}${b}`;
      const name = display.of(code);
      if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), code);
    }
  return names;
}

/** `Chinese` → `zh`, `French` → `fr`; undefined for a word that names no language. */
export function languageNamed(name: string): string | undefined {
  byEnglishName ??= namesIn('en');
  return byEnglishName.get(name.toLowerCase());
}

/** `中文` → `zh`, `英文` → `en`, `法语` → `fr`. */
function chineseLanguageNamed(name: string): string | undefined {
  byChineseName ??= namesIn('zh');
  for (const candidate of [name, name.replace(/文$/, '语'), name.replace(/[语文]$/, ''), `${name}语`]) {
    const code = byChineseName.get(candidate);
    if (code) return code;
  }
  return undefined;
}

/**
 * The language a note says prevails (a two-letter code), or undefined when
 * no note says so. The first note that says it wins.
 */
export function prevailingLanguage(notes: readonly string[]): string | undefined {
  for (const note of notes) {
    const chinese = CHINESE_RULE.exec(note)?.[1];
    const fromChinese = chinese ? chineseLanguageNamed(chinese) : undefined;
    if (fromChinese) return fromChinese;
    for (const sentence of note.split(/(?<=[.!?;])\s+/u)) {
      const verb = PRECEDENCE.exec(sentence);
      if (!verb) continue;
      const before = sentence.slice(0, verb.index + verb[0].length);
      const named = [...before.matchAll(NAMED)].flatMap((m) => {
        // `The English text`: a capitalised word before the name is not part of it.
        const name = m[1] ?? '';
        const code = languageNamed(name) ?? languageNamed(name.split(/[- ]/).at(-1) ?? '');
        return code ? [code] : [];
      });
      const code = named.at(-1);
      if (code) return code;
    }
  }
  return undefined;
}
