// Next calls register() once when the server starts; the work lives in lib/startup (Node only).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('@/lib/startup')).startQuire();
}
