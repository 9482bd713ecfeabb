// Generated blogs for the scale scenarios: a content folder (site.json + posts/) with N posts, the
// seed post among them, each generated post about the size and shape of the seed post.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LABELS = [
  'China',
  'Russia',
  'G20',
  'Trade',
  'Energy',
  'Asia',
  'Europe',
  'Diplomacy',
  'Security',
  'Economy',
  'Technology',
  'Climate',
  'Elections',
  'Markets',
  'Defence',
  'Culture',
  'Media',
  'Health',
  'Migration',
  'Law',
];
const WORDS = (
  'the minister said talks would continue next week as both sides weighed new proposals on tariffs energy ' +
  'supplies and regional security while analysts warned that markets remained nervous about the outlook for ' +
  'growth in the coming quarter officials in the capital declined to comment on reports of a draft agreement ' +
  'covering shipping routes investment rules and a joint commission to oversee the plan'
).split(' ');

/** A small deterministic generator, so every run benchmarks the same blog. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next, 10 + Math.floor(next() * 12))).join(
    ' ',
  );
}

/** One post of roughly 2.5 KB of Markdown: paragraphs, a heading, a list, a link and a pull quote. */
function postMarkdown(index: number, date: string): string {
  const next = random(index + 1);
  const labels = [...new Set([0, 1, 2].map(() => LABELS[Math.floor(next() * LABELS.length)]!))];
  const number = String(index).padStart(4, '0');
  return [
    '---',
    `title: "Benchmark post ${number}: ${sentence(next, 6).slice(0, -1)}"`,
    `date: ${date}`,
    `slug: bench-post-${number}`,
    `labels: [${labels.join(', ')}]`,
    '---',
    '',
    paragraph(next),
    '',
    paragraph(next),
    '',
    '## What comes next',
    '',
    paragraph(next),
    '',
    `- ${sentence(next, 8)}`,
    `- ${sentence(next, 8)}`,
    `- ${sentence(next, 8)} See [the earlier report](/2016/09/from-russia-with-love).`,
    '',
    paragraph(next),
    '',
    `> ${sentence(next, 14)}`,
    '>',
    '> — A spokesperson',
    '',
    paragraph(next),
    '',
  ].join('\n');
}

/**
 * Writes `dir` with the project's site.json, the seed post(s) from `sourceContent/posts`, and
 * generated posts up to `total`, one every two days going back from 2016-09-03.
 */
export function generateContent(dir: string, sourceContent: string, total: number): { posts: number } {
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  copyFileSync(path.join(sourceContent, 'site.json'), path.join(dir, 'site.json'));
  const seeds = readdirSync(path.join(sourceContent, 'posts')).filter((name) => name.endsWith('.md'));
  for (const name of seeds) copyFileSync(path.join(sourceContent, 'posts', name), path.join(dir, 'posts', name));
  const start = Date.UTC(2016, 8, 3);
  for (let i = 1; i <= total - seeds.length; i++) {
    const date = new Date(start - (i - 1) * 2 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      path.join(dir, 'posts', `${date}-bench-post-${String(i).padStart(4, '0')}.md`),
      postMarkdown(i, date),
    );
  }
  return { posts: Math.max(total, seeds.length) };
}
