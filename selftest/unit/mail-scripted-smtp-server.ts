import { createServer, type Server, type Socket } from 'node:net';

/** The moments a scripted server answers: its greeting, each command verb, and the end of DATA. */
export type SmtpStep = 'greeting' | 'EHLO' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA' | 'END' | 'QUIT';

const defaultAnswers: Record<SmtpStep, string> = {
  greeting: '220 scripted ESMTP',
  EHLO: '250-scripted\r\n250 8BITMIME',
  HELO: '250 scripted',
  MAIL: '250 2.1.0 ok',
  RCPT: '250 2.1.5 ok',
  DATA: '354 end with <CRLF>.<CRLF>',
  END: '250 2.0.0 queued',
  QUIT: '221 2.0.0 bye',
};

const COMMANDS: readonly string[] = ['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'QUIT'];

function isCommand(verb: string | undefined): verb is Exclude<SmtpStep, 'greeting' | 'END'> {
  return verb !== undefined && COMMANDS.includes(verb);
}

export interface ScriptedSmtpServer {
  port: number;
  /** Command lines received, in order (DATA content excluded). */
  readonly commands: readonly string[];
  close(): Promise<void>;
}

/**
 * A loopback SMTP server that answers each step as told (a refusal, a silence), so the
 * client's handling of each failure can be shown. `null` means: never answer that step.
 */
export async function startScriptedSmtpServer(answers: Partial<Record<SmtpStep, string | null>> = {}): Promise<ScriptedSmtpServer> {
  const script = { ...defaultAnswers, ...answers };
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const answer = (step: SmtpStep): void => {
      const reply = script[step];
      if (reply === null) return;
      socket.write(`${reply}\r\n`);
      // RFC 5321: a refused greeting, 421, or QUIT ends the session; other refusals leave it open.
      if (step === 'QUIT' || reply.startsWith('421') || (step === 'greeting' && /^[45]/.test(reply))) socket.end();
    };
    let inData = false;
    let unread = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      unread += chunk;
      let end: number;
      while ((end = unread.indexOf('\r\n')) >= 0) {
        const line = unread.slice(0, end);
        unread = unread.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            answer('END');
          }
          continue;
        }
        commands.push(line);
        const verb = line.split(/[ :]/)[0]?.toUpperCase();
        if (!isCommand(verb)) {
          socket.write('500 5.5.1 unknown command\r\n');
          continue;
        }
        if (verb === 'DATA') inData = script.DATA?.startsWith('354') ?? false;
        answer(verb);
      }
    });
    answer('greeting');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('scripted SMTP server has no port');
  return {
    port: address.port,
    commands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
