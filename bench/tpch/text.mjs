// Text of the TPC-H comment columns (specification §4.2.2.10): sentences made by a small grammar from weighted word
// lists, concatenated into a pool; a comment of length [min, max] is a substring of the pool at a random offset,
// as dbgen does. The word lists and weights are the specification's (its dists.dss); the pool is smaller than
// dbgen's 300 MB (a few MB serve every scale factor this generator targets), which only changes how often the
// same phrase recurs.

const NOUNS = [['packages', 40], ['requests', 40], ['accounts', 40], ['deposits', 40], ['foxes', 20], ['ideas', 20],
  ['theodolites', 20], ['pinto beans', 20], ['instructions', 20], ['dependencies', 10], ['excuses', 10], ['platelets', 10],
  ['asymptotes', 10], ['courts', 5], ['dolphins', 5], ['multipliers', 1], ['sauternes', 1], ['warthogs', 1], ['frets', 1],
  ['dinos', 1], ['attainments', 1], ['somas', 1], ['Tiresias', 1], ['patterns', 1], ['forges', 1], ['braids', 1],
  ['hockey players', 1], ['frays', 1], ['warhorses', 1], ['dugouts', 1], ['notornis', 1], ['epitaphs', 1], ['pearls', 1],
  ['tithes', 1], ['waters', 1], ['orbits', 1], ['gifts', 1], ['sheaves', 1], ['depths', 1], ['sentiments', 1],
  ['decoys', 1], ['realms', 1], ['pains', 1], ['grouches', 1], ['escapades', 1]];
const VERBS = [['sleep', 20], ['wake', 20], ['are', 20], ['cajole', 20], ['haggle', 20], ['nag', 10], ['use', 10],
  ['boost', 10], ['affix', 5], ['detect', 5], ['integrate', 5], ['maintain', 1], ['nod', 1], ['was', 1], ['lose', 1],
  ['sublate', 1], ['solve', 1], ['thrash', 1], ['promise', 1], ['engage', 1], ['hinder', 1], ['print', 1], ['x-ray', 1],
  ['breach', 1], ['eat', 1], ['grow', 1], ['impress', 1], ['mold', 1], ['poach', 1], ['serve', 1], ['run', 1],
  ['dazzle', 1], ['snooze', 1], ['doze', 1], ['unwind', 1], ['kindle', 1], ['play', 1], ['hang', 1], ['believe', 1],
  ['doubt', 1]];
const ADJECTIVES = [['special', 20], ['pending', 20], ['unusual', 20], ['express', 20], ['furious', 1], ['sly', 1],
  ['careful', 1], ['blithe', 1], ['quick', 1], ['fluffy', 1], ['slow', 1], ['quiet', 1], ['ruthless', 1], ['thin', 1],
  ['close', 1], ['dogged', 1], ['daring', 1], ['brave', 1], ['stealthy', 1], ['permanent', 1], ['enticing', 1],
  ['idle', 1], ['busy', 1], ['regular', 50], ['final', 40], ['ironic', 40], ['even', 30], ['bold', 20], ['silent', 10]];
const ADVERBS = [['sometimes', 1], ['always', 1], ['never', 1], ['furiously', 50], ['slyly', 50], ['carefully', 50],
  ['blithely', 40], ['quickly', 30], ['fluffily', 20], ['slowly', 1], ['quietly', 1], ['ruthlessly', 1], ['thinly', 1],
  ['closely', 1], ['doggedly', 1], ['daringly', 1], ['bravely', 1], ['stealthily', 1], ['permanently', 1],
  ['enticingly', 1], ['idly', 1], ['busily', 1], ['regularly', 1], ['finally', 1], ['ironically', 1], ['evenly', 1],
  ['boldly', 1], ['silently', 1]];
const PREPOSITIONS = [['about', 50], ['above', 50], ['according to', 50], ['across', 50], ['after', 50], ['against', 40],
  ['along', 40], ['alongside of', 30], ['among', 30], ['around', 20], ['at', 10], ['atop', 1], ['before', 1],
  ['behind', 1], ['beneath', 1], ['beside', 1], ['besides', 1], ['between', 1], ['beyond', 1], ['by', 1],
  ['despite', 1], ['during', 1], ['except', 1], ['for', 1], ['from', 1], ['in place of', 1], ['inside', 1],
  ['instead of', 1], ['into', 1], ['near', 1], ['of', 1], ['on', 1], ['outside', 1], ['over', 1], ['past', 1],
  ['since', 1], ['through', 1], ['throughout', 1], ['to', 1], ['toward', 1], ['under', 1], ['until', 1], ['up', 1],
  ['upon', 1], ['without', 1], ['with', 1], ['within', 1]];
const AUXILIARIES = [['do', 1], ['may', 1], ['might', 1], ['shall', 1], ['will', 1], ['would', 1], ['can', 1], ['could', 1],
  ['should', 1], ['ought to', 1], ['must', 1], ['will have to', 1], ['shall have to', 1], ['could have to', 1],
  ['should have to', 1], ['must have to', 1], ['need to', 1], ['try to', 1]];
const TERMINATORS = [['.', 50], [';', 1], [':', 1], ['?', 1], ['!', 1], ['--', 1]];
// Sentence shapes: N noun phrase, V verb phrase, P prepositional phrase, T terminator.
const SENTENCES = [['N V T', 3], ['N V P T', 3], ['N V N T', 3], ['N P V N T', 1], ['N P V P T', 1]];
// Noun phrase: N noun, J adjective, D adverb ("J, J N" puts a comma after the first adjective).
const NOUN_PHRASES = [['N', 10], ['J N', 20], ['J, J N', 10], ['D J N', 50]];
// Verb phrase: V verb, X auxiliary, D adverb.
const VERB_PHRASES = [['V', 30], ['X V', 1], ['V D', 40], ['X V D', 1]];

/** A weighted list as a sampler: `pick(rng)` returns a word with probability weight / total. */
export function weighted(list) {
  const words = list.map(([w]) => w);
  const cum = [];
  let acc = 0;
  for (const [, n] of list) cum.push((acc += n));
  return (rng) => {
    const u = rng() * acc;
    let i = 0;
    while (cum[i] <= u) i++;
    return words[i];
  };
}

const pick = {
  N: weighted(NOUNS), V: weighted(VERBS), J: weighted(ADJECTIVES), D: weighted(ADVERBS), P: weighted(PREPOSITIONS),
  X: weighted(AUXILIARIES), T: weighted(TERMINATORS), sentence: weighted(SENTENCES), np: weighted(NOUN_PHRASES),
  vp: weighted(VERB_PHRASES),
};

function phrase(shape, rng) {
  return shape.split(' ').map((tok) => (tok === 'J,' ? `${pick.J(rng)},` : pick[tok](rng))).join(' ');
}

function sentence(rng) {
  const parts = [];
  for (const part of pick.sentence(rng).split(' ')) {
    if (part === 'N') parts.push(phrase(pick.np(rng), rng));
    else if (part === 'V') parts.push(phrase(pick.vp(rng), rng));
    else if (part === 'P') parts.push(`${pick.P(rng)} the ${phrase(pick.np(rng), rng)}`);
    else parts[parts.length - 1] += pick.T(rng); // the terminator follows the last word
  }
  return parts.join(' ');
}

/** A pool of at least `size` characters of grammar text. */
export function textPool(rng, size) {
  const out = [];
  let n = 0;
  while (n < size) {
    const s = sentence(rng);
    out.push(s);
    n += s.length + 1;
  }
  return out.join(' ');
}

/** Comment text: a substring of the pool, its length uniform in [min, max], at a random offset. */
export function makeText(pool) {
  return (rng, min, max) => {
    const len = min + Math.floor(rng() * (max - min + 1));
    const at = Math.floor(rng() * (pool.length - len));
    return pool.substring(at, at + len);
  };
}
