import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the server received it: the envelope and the raw RFC 5322 text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1: logins checked against `user` / `password`,
 * messages kept in `received`. `refuseRecipient` answers RCPT TO with that code and text
 * (550 an unknown mailbox, 451 greylisting). STARTTLS is off: nodemailer may log in without
 * TLS only to this machine (core/notify/email/smtp.ts).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  refuseRecipient: { code: number; text: string } | undefined;
  private readonly server: SMTPServer;

  private constructor(
    readonly user: string,
    readonly password: string,
  ) {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, done) => {
        if (auth.username === this.user && auth.password === this.password) done(null, { user: auth.username });
        else done(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      },
      onRcptTo: (_address, _session, done) => {
        const refuse = this.refuseRecipient;
        if (refuse) done(Object.assign(new Error(refuse.text), { responseCode: refuse.code }));
        else done();
      },
      onData: (stream, session, done) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom as SMTPServerAddress | false;
          this.received.push({ from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
  }

  static async start(user = 'alerts@example.com', password = 'correct horse battery staple'): Promise<TestSmtpServer> {
    const s = new TestSmtpServer(user, password);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    return s;
  }

  /** The notify.smtp.url for this server: the user in it, the password kept apart. */
  get url(): string {
    return `smtp://${encodeURIComponent(this.user)}@127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
