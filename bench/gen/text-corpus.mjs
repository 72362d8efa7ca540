#!/usr/bin/env node
// Deterministic synthetic text corpus for the word-count benchmark.
//
//   node bench/gen/text-corpus.mjs [--mb 200] [--out bench/data/corpus.txt]
//                                  [--seed 42] [--vocab 100000] [--zipf 1.0]
//
// Words are drawn from a Zipf(s) distribution over a vocabulary of synthetic
// lowercase words (shorter words get the frequent ranks, as in real text).
// Each line holds 8-15 words joined by single spaces; the first word of a line
// and ~6% of the others are Capitalised and ~0.5% are UPPERCASE, so lowercasing
// changes the counts. ASCII only, '\n' line ends, no empty lines or tokens.
import path from 'node:path';
import { makeRng, makeZipf, randInt, parseArgs, openChunkWriter, DATA_DIR } from '../lib/common.mjs';

const args = parseArgs(process.argv.slice(2), {
  mb: '200', out: path.join(DATA_DIR, 'corpus.txt'), seed: '42', vocab: '100000', zipf: '1.0',
});
const targetBytes = Math.round(Number(args.mb) * 1e6); // decimal MB
const vocabSize = Number(args.vocab);
const seed = Number(args.seed);
const rng = makeRng(seed);

// --- vocabulary: unique pseudo-words built from syllables -----------------
const ONSETS = ['', 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'y', 'z',
  'br', 'ch', 'cl', 'cr', 'dr', 'fl', 'fr', 'gr', 'pl', 'pr', 'qu', 'sc', 'sh', 'sl', 'sp', 'st', 'th', 'tr', 'wh'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ou', 'ea', 'ai', 'ie', 'oo', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'd', 'm', 'ng', 'st', 'nd', 'rk', 'sh', 'x'];
const pick = (arr) => arr[Math.floor(rng() * arr.length)];

const seen = new Set();
const words = [];
while (words.length < vocabSize) {
  // 1-4 syllables, weighted toward 2
  const r = rng();
  const syl = r < 0.2 ? 1 : r < 0.65 ? 2 : r < 0.92 ? 3 : 4;
  let w = '';
  for (let i = 0; i < syl; i++) w += pick(ONSETS) + pick(NUCLEI) + (i === syl - 1 || rng() < 0.3 ? pick(CODAS) : '');
  if (!seen.has(w)) { seen.add(w); words.push(w); }
}
// Frequent ranks get short words (stable sort keeps the random order within a length).
words.sort((a, b) => a.length - b.length);
const title = words.map((w) => w[0].toUpperCase() + w.slice(1));
const upper = words.map((w) => w.toUpperCase());

// --- emit ---------------------------------------------------------------
const zipf = makeZipf(vocabSize, Number(args.zipf), rng);
const out = openChunkWriter(args.out);
const t0 = Date.now();
let lines = 0, nwords = 0;
const line = [];
while (out.bytes < targetBytes) {
  const n = randInt(rng, 8, 15);
  line.length = 0;
  for (let i = 0; i < n; i++) {
    const k = zipf();
    const r = rng();
    line.push(i === 0 || r < 0.06 ? (r < 0.005 ? upper[k] : title[k]) : r < 0.065 ? upper[k] : words[k]);
  }
  out.write(line.join(' ') + '\n');
  lines++; nwords += n;
}
const bytes = out.close();
console.error(`wrote ${args.out}: ${(bytes / 1e6).toFixed(1)} MB, ${lines} lines, ${nwords} words, ` +
  `vocab ${vocabSize}, zipf s=${args.zipf}, seed ${seed}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
