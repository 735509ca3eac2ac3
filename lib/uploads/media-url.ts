// Where a stored picture is served. Ids are never reused, so the URL can be cached for ever.
export const MEDIA_PATH = "/media";

export function mediaUrl(uploadId: string): string {
  return `${MEDIA_PATH}/${uploadId}`;
}
