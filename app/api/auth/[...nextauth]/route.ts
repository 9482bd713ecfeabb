// Auth.js's own endpoints: csrf, session, providers, sign-in callbacks and sign-out.
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
