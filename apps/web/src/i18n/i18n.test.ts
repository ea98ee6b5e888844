import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

/** Dotted keys of every string; plural forms (`_one`, `_other`, …) count as their base key. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const sub of keys(v, path)) out.add(sub);
  }
  return out;
}

function placeholders(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const vars = [...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      out.set(path, [...new Set(vars)].join(','));
    } else for (const [p, vars] of placeholders(v, path)) out.set(p, vars);
  }
  return out;
}

const english = keys(en);
const languages: [string, Tree][] = [
  ['sv', sv],
  ['nb', nb],
  ['ru', ru],
];

describe('translations', () => {
  it.each(languages)('%s has every English key', (_, tree) => {
    const have = keys(tree);
    expect([...english].filter((k) => !have.has(k))).toEqual([]);
  });

  it.each(languages)('%s has no keys that English lacks', (_, tree) => {
    expect([...keys(tree)].filter((k) => !english.has(k))).toEqual([]);
  });

  it.each(languages)('%s uses the same {{placeholders}} as English', (_, tree) => {
    const ours = placeholders(en as Tree);
    const theirs = placeholders(tree);
    const mismatched = [...ours].filter(([key, vars]) => {
      const other = theirs.get(key);
      // Plural variants may drop a placeholder such as {{more}}; only the "_other" form must match.
      return other !== undefined && other !== vars && !/_(one|few|many)$/.test(key);
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it.each(languages)('%s has no empty strings', (_, tree) => {
    const empty = [...placeholders(tree)].filter(([k]) => {
      const value = k.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});
