// Seed data for a fresh local cloud. Owned by the lead; the local cloud only calls it.
export async function seed(ctx: {
  invoke(fn: string, event: unknown, openid?: string): Promise<unknown>
  upload(cloudPath: string, bytes: Buffer, contentType: string): Promise<string /*fileID*/>
}): Promise<void> {}
