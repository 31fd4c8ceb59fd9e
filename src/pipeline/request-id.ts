// The request id: kept when the client sent a sane one (so traces join up), generated otherwise.
import { randomUUID } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

export function chooseRequestId(sent: string | string[] | undefined): string {
  if (typeof sent === 'string' && SANE_REQUEST_ID.test(sent)) return sent;
  return randomUUID();
}
