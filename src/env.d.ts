/** Settings from archive.config.yaml, defined by astro.config.mjs for the site's code. */
interface ImportMetaEnv {
  /** The archive's name (`name:`). */
  readonly ARCHIVE_NAME?: string;
  /** Who publishes it (`publisher:`, else the name). */
  readonly ARCHIVE_PUBLISHER?: string;
  /** The language of the site's own pages (`language:`). */
  readonly ARCHIVE_LANGUAGE?: string;
  /** Where relative `media:` addresses resolve (`mediaBase:`, or `--media-base`); empty when not set. */
  readonly ARCHIVE_MEDIA_BASE?: string;
}
