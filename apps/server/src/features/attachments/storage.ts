/**
 * Where attachment bytes live. A small interface so an object store can replace the
 * filesystem; keys are generated here (never from a user's filename).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type StoredFile = { key: string; size: number; sha256: string };

export type Storage = {
  /** Streams data in under a new key; past maxBytes it fails with StorageLimitError and keeps nothing. */
  write(data: Readable, maxBytes: number): Promise<StoredFile>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
};

export class StorageLimitError extends Error {}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function createFsStorage(root: string): Storage {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async write(data, maxBytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const file = fileOf(key);
      const part = `${file}.part`;
      await mkdir(path.dirname(file), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new StorageLimitError(`larger than ${maxBytes} bytes`));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(data, meter, createWriteStream(part, { flags: 'wx' }));
        await rename(part, file);
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      return { key, size, sha256: hash.digest('hex') };
    },
    read: (key) => createReadStream(fileOf(key)),
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
