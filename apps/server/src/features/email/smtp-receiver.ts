/**
 * The built-in SMTP receiver: accepts mail (no AUTH, no relaying — it only stores what it
 * receives) and hands each message to the email service. Bind it to loopback behind your MTA.
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { AppError } from '../../http/errors.ts';

export type SmtpReceiver = { port: number; close(): Promise<void> };

type OnMessage = (raw: Buffer, envelopeFrom: string | undefined) => Promise<unknown>;

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpReceiver(opts: {
  host: string;
  port: number;
  maxBytes: number;
  onMessage: OnMessage;
  log?: (message: string, data: Record<string, unknown>) => void;
}): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    name: 'relata',
    banner: 'Relata mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(c);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError('Message too large', 552));
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        opts.onMessage(Buffer.concat(chunks), from || undefined).then(
          () => callback(),
          (e: unknown) => {
            if (e instanceof AppError && e.status < 500) return callback(smtpError(e.message, 550));
            opts.log?.('inbound email failed', { err: e instanceof Error ? e.message : String(e) });
            callback(smtpError('Temporary failure, try again later', 451));
          },
        );
      });
    },
  });
  server.on('error', (e) => opts.log?.('smtp receiver error', { err: e.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
