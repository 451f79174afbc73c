/**
 * Phrase sets match each phrase on its own and skip those whose required words are absent (#12,
 * the recognizer's time), and a rule is not tried at all on a text that lacks every literal its
 * phrases need: the result must be exactly what the whole alternation finds.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_BACK, CUES, URGENT } from '../../src/nlu/local/intents';
import { BARE_LEGS, LEGS, MOBILITY } from '../../src/nlu/local/mobility';
import { MODELS } from '../../src/nlu/local/models';
import { expandAbbreviations, normalise, tokens } from '../../src/nlu/local/normalise';
import { PhraseSet, requiredLiteral, requiredLiterals } from '../../src/nlu/local/phrases';
import { QUESTION_CUES } from '../../src/nlu/local/question';
import { REJECTED_OFFER } from '../../src/nlu/local/rejected-offer';
import { SERVICES } from '../../src/nlu/local/services';
import { seeded } from '../../src/random';

describe('phrase sets', () => {
  it('the literal a phrase needs is in every text it matches, and none where an alternative at the top may leave everything out', () => {
    assert.equal(requiredLiteral('carro attrezzi'), 'carro attrezzi');
    assert.equal(requiredLiteral('tyres?'), 'tyre');
    assert.equal(requiredLiteral('crash[a-z]*'), 'crash');
    assert.equal(requiredLiteral('(vado|vengo)(?: [a-z0-9]+){0,2} a piedi'), ' a piedi');
    assert.equal(requiredLiteral('taxi|cab'), undefined);
    assert.equal(requiredLiteral('(in|on) (the )?car'), 'car');
    assert.equal(requiredLiteral('\\bgo\\b'), undefined);
  });

  it('the literals of which every match of a pattern contains one: a run of plain characters or the alternatives of a group that must be there', () => {
    assert.deepEqual(requiredLiterals('carro attrezzi'), ['carro attrezzi']);
    assert.deepEqual(requiredLiterals('taxi|cab'), ['taxi', 'cab']);
    assert.deepEqual(requiredLiterals('(resto|rimango) (li|la|qui)'), ['resto', 'rimango']);
    assert.deepEqual(requiredLiterals('(vado|vengo)(?: [a-z0-9]+){0,2} a piedi'), [' a piedi']);
    assert.deepEqual(requiredLiterals('(?<!luce )cortesia'), ['cortesia']);
    assert.deepEqual(requiredLiterals('((foo|bar)x|bazz)y'), ['foo', 'bar', 'bazz']);
    assert.deepEqual(requiredLiterals('a{2,3}bcd'), ['bcd']);
    assert.deepEqual(requiredLiterals('tyres?|wheel(s)?'), ['tyre', 'wheel']);
    // an alternative with nothing required, a lookaround's words, what the reader does not know: no literals
    assert.equal(requiredLiterals('taxi|ok'), undefined);
    assert.equal(requiredLiterals('(?=abc)x'), undefined);
    assert.equal(requiredLiterals('(abc)?d'), undefined);
    assert.equal(requiredLiterals('x\\x41yz'), undefined);
    assert.equal(requiredLiterals('(abc'), undefined);
  });

  it('a rule skipped for want of its literals finds what the whole alternation finds, on texts made from every phrase', () => {
    const sets: [string, PhraseSet<unknown>][] = Object.entries({ CALL_BACK, CUES, URGENT, BARE_LEGS, LEGS, MOBILITY, MODELS, QUESTION_CUES, REJECTED_OFFER, SERVICES });
    const random = seeded(12);
    let matched = 0;
    for (const [name, set] of sets) {
      const rules = (set as unknown as { rules: { label: unknown; re: RegExp; phrases: string[] }[] }).rules;
      const texts = rules.flatMap((r) => r.phrases.flatMap((p) => [0, 1, 2].map(() => sample(p, random)).filter((t): t is string => t !== undefined)));
      for (const t of texts) {
        for (const text of [t, `ok ${t} grazie`, t.slice(1), t.slice(0, -1)]) {
          const whole = rules.map((r) => ({ r, m: r.re.exec(text) })).filter((x) => x.m).map(({ r, m }) => ({ label: r.label, text: m![0], index: m!.index }));
          if (whole.length) matched++;
          assert.deepEqual(set.all(text), whole, `${name}: ${text}`);
        }
      }
    }
    assert.ok(matched > 5000, `${matched} texts matched`);
  });

  it('matches exactly what the whole alternation matches, on every corpus message, for every phrase set', function () {
    // every phrase of every set on 15,000 messages, twice: about 20 s on a quiet machine, more under load (a limit, not a timing)
    this.timeout(120_000);
    const dir = join(__dirname, 'corpus');
    const texts = readdirSync(dir)
      .filter((f) => !f.includes('holdout'))
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text))
      .map((t) => expandAbbreviations(tokens(normalise(t))).join(' '));
    assert.ok(texts.length > 5000);
    const sets: [string, PhraseSet<unknown>][] = Object.entries({ CALL_BACK, CUES, URGENT, BARE_LEGS, LEGS, MOBILITY, MODELS, QUESTION_CUES, REJECTED_OFFER, SERVICES });
    for (const [name, set] of sets) {
      const rules = (set as unknown as { rules: { label: unknown; re: RegExp }[] }).rules;
      for (const text of texts) {
        const whole = rules.map((r) => ({ r, m: r.re.exec(text) })).filter((x) => x.m).map(({ r, m }) => ({ label: r.label, text: m![0], index: m!.index }));
        assert.deepEqual(set.all(text), whole, `${name}: ${text}`);
        assert.deepEqual(set.first(text), whole[0], `${name}: ${text}`);
      }
    }
  });
});


/**
 * A text a phrase may match, made at random from its pattern (an alternative, a repetition count
 * and a letter of a class at random; assertions make nothing, so the text may not match): only
 * what is compared, gated and whole, matters. Undefined for what this maker does not know.
 */
function sample(phrase: string, random: () => number): string | undefined {
  const p = phrase.replace(/ ~ /g, '(?: [a-z0-9]+){0,2} ').replace(/\\w/g, '[a-z]');
  let i = 0;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const alternation = (): string | undefined => {
    const options: (string | undefined)[] = [sequence()];
    while (p[i] === '|') {
      i++;
      options.push(sequence());
    }
    return pick(options);
  };
  const sequence = (): string | undefined => {
    let out: string | undefined = '';
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      let atom: () => string | undefined;
      const c = p[i];
      if (c === '(') {
        const look = p.startsWith('(?=', i) || p.startsWith('(?!', i) || p.startsWith('(?<=', i) || p.startsWith('(?<!', i);
        i += p.startsWith('(?:', i) ? 3 : p.startsWith('(?<=', i) || p.startsWith('(?<!', i) ? 4 : p.startsWith('(?=', i) || p.startsWith('(?!', i) ? 3 : 1;
        const start = i;
        alternation();
        const end = i;
        i++; // ')'
        atom = () => {
          if (look) return '';
          const saved = i;
          i = start;
          const r = alternation();
          if (i !== end) return undefined;
          i = saved;
          return r;
        };
      } else if (c === '[') {
        const close = p.indexOf(']', i);
        const body = p.slice(i + 1, close);
        i = close + 1;
        const letters = body === 'a-z' ? 'abcdefghijklmnopqrstuvwxyz' : body === 'a-z0-9' ? 'abcdefghijklmnopqrstuvwxyz0123456789' : /^[a-z]+$/.test(body) ? body : undefined;
        atom = () => (letters ? pick([...letters]) : undefined);
      } else if (c === '\\') {
        const e = p[i + 1];
        i += 2;
        atom = () => (e === 'b' ? '' : e === 'd' ? '7' : e === 's' ? ' ' : /[a-zA-Z]/.test(e) ? undefined : e);
      } else if (c === '^' || c === '$') {
        i++;
        atom = () => '';
      } else {
        i++;
        atom = () => c;
      }
      let min = 1;
      let max = 1;
      if (p[i] === '?' || p[i] === '*' || p[i] === '+') {
        min = p[i] === '+' ? 1 : 0;
        max = p[i] === '?' ? 1 : 3;
        i++;
      } else if (p[i] === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
        if (!m) return undefined;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? min + 2 : Number(m[3]);
        i += m[0].length;
      }
      if (p[i] === '?') i++;
      const times = min + Math.floor(random() * (max - min + 1));
      const saved = i;
      for (let k = 0; k < times; k++) {
        const r = atom();
        if (r === undefined || out === undefined) out = undefined;
        else out += r;
      }
      i = saved;
    }
    return out;
  };
  const text = alternation();
  return i === p.length ? text?.replace(/ +/g, ' ').trim() : undefined;
}
