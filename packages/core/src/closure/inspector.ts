/**
 * Reads the current values of the variables a function closes over, synchronously, through `node:inspector`.
 *
 * A `Session` connected to the current thread answers `post` synchronously (on the main thread and on worker
 * threads alike; the tests check both). The function is put on a temporary global so `Runtime.evaluate` can
 * give its object id; `Runtime.getProperties` gives its internal `[[Scopes]]` list; `Runtime.callFunctionOn`
 * on that list hands the list itself (an array of `{ description, object }`, innermost scope first, whose
 * `object`s hold the scope's variables) back to JavaScript through another temporary global. Remote objects
 * are released and the temporaries deleted before returning.
 */
import { createRequire } from 'node:module';
import type { Session } from 'node:inspector';
import { ClosureError } from '../errors.js';

type Callback = (error: Error | null, result?: unknown) => void;
interface SyncSession {
  post(method: string, params: object, callback: Callback): void;
}

interface RemoteObject {
  objectId?: string;
}
interface EvaluateResult {
  result: RemoteObject;
  exceptionDetails?: { text?: string };
}
interface PropertiesResult {
  internalProperties?: { name: string; value?: RemoteObject }[];
}

interface ScopeRecord {
  readonly description: string;
  readonly object: object;
}

const PROBE_KEY = '__kindlingClosureProbe__';
const OBJECT_GROUP = 'kindling-closure';

let session: SyncSession | undefined;

function connect(): SyncSession {
  if (session) return session;
  let SessionClass: typeof Session;
  try {
    ({ Session: SessionClass } = createRequire(import.meta.url)('node:inspector') as typeof import('node:inspector'));
  } catch (error) {
    throw new ClosureError(
      'CLOSURE_INSPECTOR_UNAVAILABLE',
      'Reading the variables a function captures needs node:inspector, which this Node.js build does not have. ' +
        'Pass the values explicitly (for example as a broadcast variable), or reference an exported module function ' +
        "with moduleFunction(import.meta.url, 'name').",
      { cause: error },
    );
  }
  const created = new SessionClass();
  created.connect();
  session = created as unknown as SyncSession;
  return session;
}

function post<T>(target: SyncSession, method: string, params: object): T {
  let answered = false;
  let failure: Error | null = null;
  let value: unknown;
  target.post(method, params, (error, result) => {
    answered = true;
    failure = error;
    value = result;
  });
  if (!answered) {
    throw new ClosureError(
      'CLOSURE_INSPECTOR_UNAVAILABLE',
      `node:inspector did not answer ${method} synchronously in this thread, so captured variables cannot be read ` +
        'here. Define transformations on the driver (main) thread.',
    );
  }
  if (failure) throw failure;
  return value as T;
}

/**
 * Looks `names` up in the scopes `fn` closes over (closure, block, script and module scopes, innermost first;
 * the global scope is not searched). Returns the value of each name that was found.
 */
export function readCapturedVariables(fn: Function, names: readonly string[]): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (names.length === 0) return found;
  const inspector = connect();
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(globalThis, PROBE_KEY, { value: fn, configurable: true, writable: true, enumerable: false });
  let scopes: ArrayLike<ScopeRecord> | undefined;
  try {
    const evaluated = post<EvaluateResult>(inspector, 'Runtime.evaluate', {
      expression: `globalThis.${PROBE_KEY}`,
      objectGroup: OBJECT_GROUP,
      silent: true,
    });
    const objectId = evaluated.result.objectId;
    if (!objectId) return found;
    const properties = post<PropertiesResult>(inspector, 'Runtime.getProperties', {
      objectId,
      ownProperties: true,
      generatePreview: false,
      objectGroup: OBJECT_GROUP,
    });
    const scopesId = properties.internalProperties?.find((p) => p.name === '[[Scopes]]')?.value?.objectId;
    if (!scopesId) return found;
    post(inspector, 'Runtime.callFunctionOn', {
      objectId: scopesId,
      functionDeclaration: `function () { globalThis.${PROBE_KEY} = this; }`,
      objectGroup: OBJECT_GROUP,
      silent: true,
    });
    scopes = g[PROBE_KEY] as ArrayLike<ScopeRecord> | undefined;
  } finally {
    try {
      post(inspector, 'Runtime.releaseObjectGroup', { objectGroup: OBJECT_GROUP });
    } finally {
      delete g[PROBE_KEY];
    }
  }
  if (!scopes || scopes === (fn as unknown) || typeof scopes.length !== 'number') return found;
  const hasOwn = Object.prototype.hasOwnProperty;
  for (const name of names) {
    for (let i = 0; i < scopes.length; i++) {
      const scope = scopes[i];
      if (!scope || scope.description === 'Global') break;
      if (scope.object && hasOwn.call(scope.object, name)) {
        found.set(name, (scope.object as Record<string, unknown>)[name]);
        break;
      }
    }
  }
  return found;
}
