import type { VideoEmbed } from "~/modules/entries/video";

/**
 * An entry's video in the provider's player (app/modules/entries/video.ts), loaded only when scrolled
 * near, with the original link below for those whose network blocks the player.
 */
export function VideoPlayer({ video, link, title }: { video: VideoEmbed; link: string; title: string }) {
  return (
    <figure className="space-y-2">
      <div className="aspect-video w-full overflow-hidden rounded border border-slate-200 bg-slate-900">
        <iframe
          src={video.src}
          title={`Video: ${title} (${video.provider})`}
          loading="lazy"
          allow="fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          className="h-full w-full"
        />
      </div>
      <figcaption className="text-sm text-slate-700">
        <a href={link} rel="noopener noreferrer nofollow" target="_blank">
          Watch on {video.provider}
        </a>
      </figcaption>
    </figure>
  );
}

/** An entry's links (`entryLinks`), each opening in a new tab without telling the site where it came from. */
export function LinkList({ links, className }: { links: [label: string, url: string][]; className: string }) {
  if (!links.length) return null;
  return (
    <ul className={className}>
      {links.map(([label, url]) => (
        <li key={label}>
          <a href={url} rel="noopener noreferrer nofollow" target="_blank">
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}
