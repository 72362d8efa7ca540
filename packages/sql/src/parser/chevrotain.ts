// Chevrotain, loaded from its one-file bundle. The package entry is ~200 ES modules (its sources and lodash-es),
// which cost a process about half a second to resolve and compile at start-up — every Kindling program pays it,
// SQL or not; the bundle (lib/chevrotain.mjs, the same code) loads in a few tens of milliseconds. The entry is
// the fallback should the bundle be missing.
import type * as Chevrotain from 'chevrotain';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

async function load(): Promise<typeof Chevrotain> {
  try {
    const entry = createRequire(import.meta.url).resolve('chevrotain'); // …/chevrotain/lib/src/api.js
    return (await import(pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href)) as typeof Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const CstParser: typeof Chevrotain.CstParser = chevrotain.CstParser;
export type CstParser = Chevrotain.CstParser;
export const Lexer: typeof Chevrotain.Lexer = chevrotain.Lexer;
export type Lexer = Chevrotain.Lexer;
export const EOF: Chevrotain.TokenType = chevrotain.EOF;
export const createToken: typeof Chevrotain.createToken = chevrotain.createToken;
export type { CstNode, IRecognitionException, IToken, TokenType } from 'chevrotain';
