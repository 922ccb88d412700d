import { connect, type Socket } from 'node:net';

export interface SmtpDelivery {
  host: string;
  port: number;
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipient (RCPT TO). */
  to: string;
  /** The message, CRLF line ends, not yet dot-stuffed. */
  data: string;
  /** Bound on the whole transaction, connect to QUIT. */
  timeoutMs?: number;
}

interface SmtpReply {
  code: number;
  text: string;
}

interface ReplyStream {
  next(): Promise<SmtpReply>;
}

/** Turns the socket's bytes into whole (possibly multi-line) SMTP replies, one per next(). */
function replyStream(socket: Socket): ReplyStream {
  const replies: SmtpReply[] = [];
  let waiting: { resolve(reply: SmtpReply): void; reject(error: Error): void } | undefined;
  let failure: Error | undefined;
  let unread = '';
  let lines: string[] = [];

  const deliver = (): void => {
    if (waiting === undefined) return;
    const reply = replies.shift();
    const waiter = waiting;
    if (reply !== undefined) {
      waiting = undefined;
      waiter.resolve(reply);
    } else if (failure !== undefined) {
      waiting = undefined;
      waiter.reject(failure);
    }
  };
  const fail = (error: Error): void => {
    failure ??= error;
    deliver();
  };

  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    unread += chunk;
    let end: number;
    while ((end = unread.indexOf('\n')) >= 0) {
      const line = unread.slice(0, end).replace(/\r$/, '');
      unread = unread.slice(end + 1);
      lines.push(line);
      // `250-…` continues a reply; `250 …` (or a bare code) ends it (RFC 5321 §4.2.1).
      if (!/^\d{3}-/.test(line)) {
        replies.push({ code: Number(line.slice(0, 3)), text: lines.map((l) => l.slice(4)).join(' ') });
        lines = [];
      }
    }
    deliver();
  });
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed by server')));

  return {
    next: () =>
      new Promise<SmtpReply>((resolve, reject) => {
        waiting = { resolve, reject };
        deliver();
      }),
  };
}

/** RFC 5321 §4.5.2: a line starting with `.` gets another; the data ends with `CRLF.CRLF`. */
function dataBlock(message: string): string {
  const lines = message.replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '').split('\r\n');
  return `${lines.map((line) => (line.startsWith('.') ? `.${line}` : line)).join('\r\n')}\r\n.\r\n`;
}

async function expectReply(reply: Promise<SmtpReply>, step: string, accepted: readonly number[]): Promise<SmtpReply> {
  const answer = await reply;
  if (!accepted.includes(answer.code)) throw new Error(`${step} answered ${answer.code} ${answer.text}`);
  return answer;
}

async function converse(socket: Socket, delivery: SmtpDelivery): Promise<void> {
  const replies = replyStream(socket);
  const command = (line: string): Promise<SmtpReply> => {
    socket.write(`${line}\r\n`);
    return replies.next();
  };
  await expectReply(replies.next(), 'greeting', [220]);
  const ehlo = await command('EHLO localhost');
  // A server that does not know EHLO (5xx) gets HELO; any other refusal is fatal.
  if (ehlo.code >= 500) await expectReply(command('HELO localhost'), 'HELO', [250]);
  else if (ehlo.code !== 250) throw new Error(`EHLO answered ${ehlo.code} ${ehlo.text}`);
  // An address with CR/LF or angle brackets would smuggle extra SMTP commands.
  for (const address of [delivery.from, delivery.to]) {
    if (/[\r\n<>]/.test(address)) throw new Error(`refusing envelope address ${JSON.stringify(address)}`);
  }
  await expectReply(command(`MAIL FROM:<${delivery.from}>`), 'MAIL FROM', [250]);
  await expectReply(command(`RCPT TO:<${delivery.to}>`), 'RCPT TO', [250, 251]);
  await expectReply(command('DATA'), 'DATA', [354]);
  socket.write(dataBlock(delivery.data));
  await expectReply(replies.next(), 'end of data', [250]);
  // The message is accepted; the server's answer to QUIT changes nothing.
  await command('QUIT').catch(() => undefined);
}

/** Sends one message on its own connection; rejects with one line naming host:port on any failure. */
export async function sendSmtp(delivery: SmtpDelivery): Promise<void> {
  const timeoutMs = delivery.timeoutMs ?? 5000;
  const socket = connect({ host: delivery.host, port: delivery.port });
  socket.setNoDelay(true);
  const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    await converse(socket, delivery);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`SMTP ${delivery.host}:${delivery.port}: ${reason.replace(/\s+/g, ' ').trim()}`, { cause: error });
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
