/// The files of the site `sitegen init` writes: a `site.yml` with one section (`posts`, which
/// requires a date), a home page, a first post, an archetype for posts, and a small accessible
/// theme — a base partial (language, skip link, landmarks, labelled navigation), layouts for the
/// home page, pages, lists and the 404 page, and one stylesheet with visible focus. It builds and
/// passes `sitegen check --strict` as written, with no external assets.
enum StarterSite {
    /// (path inside the new site's folder, text), in the order they are written.
    static func files(title: String, today: ContentDate) -> [(path: String, text: String)] {
        [
            (".gitignore", "public/\n"),
            ("Content/site.yml", siteConfig(title: title)),
            ("Content/index.md", homePage(title: title)),
            ("Content/posts/hello-world.md", firstPost(today: today)),
            ("Templates/archetypes/posts.md", postArchetype),
            ("Templates/partials/base.mustache", basePartial),
            ("Templates/layouts/home.mustache", homeLayout),
            ("Templates/layouts/_default/single.mustache", singleLayout),
            ("Templates/layouts/_default/list.mustache", listLayout),
            ("Templates/layouts/404.mustache", notFoundLayout),
            ("Templates/assets/css/site.css", styleSheet),
        ]
    }

    static func siteConfig(title: String) -> String {
        """
        # The site's settings (see sitegen's README, "site.yml"). Replace base_url with the address
        # the site is published at before publishing, or pass --base-url to `sitegen build`.
        title: \(ScaffoldText.yamlQuoted(title))
        description: A new site made with sitegen.
        base_url: https://example.org/
        language: en

        nav:
          - {title: Home, url: /}
          - {title: Posts, url: posts/}

        # Each top-level folder of Content/ is a section; here are its rules.
        # `sitegen new posts/my-post.md` starts a page from them (and from Templates/archetypes/posts.md).
        sections:
          posts:
            title: Posts
            required: [date]

        """
    }

    static func homePage(title: String) -> String {
        """
        ---
        title: \(ScaffoldText.yamlQuoted(title))
        description: A new site made with sitegen.
        ---
        Welcome! This page is `Content/index.md`; the posts below are the files of `Content/posts/`.

        Start a new post with `sitegen new posts/my-post.md`, preview the site with `sitegen serve`,
        and check it with `sitegen check --strict`.

        """
    }

    static func firstPost(today: ContentDate) -> String {
        """
        ---
        title: Hello, world
        date: \(today)
        description: The first post of this site.
        ---
        This is a post: a Markdown file in `Content/posts/` with a title and the date the section requires.

        ## What next

        Edit the theme in `Templates/`, the settings in `Content/site.yml`, and write.

        """
    }

    static let postArchetype = """
        ---
        title: "{{{title}}}"
        {{{fields}}}description: ""
        draft: true
        ---
        Write the post here. (This text comes from Templates/archetypes/posts.md.)

        """

    static let basePartial = """
        {{!
          The page shell every layout extends. Blocks: title (the <title> text) and main (the page body).
        }}
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{page.title}} · {{site.title}}{{/title}}</title>
        <meta name="description" content="{{page.description}}">
        <link rel="canonical" href="{{page.permalink}}">
        <link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{site.feed_url}}">
        <link rel="stylesheet" href="{{site.root}}assets/css/site.css">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <p class="site-title"><a href="{{site.home_url}}">{{site.title}}</a></p>
          <nav aria-label="Main">
            <ul>
              {{#site.nav}}
              <li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>
              {{/site.nav}}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
        {{$main}}{{/main}}
        </main>
        <footer class="site-footer">
          <p>{{site.title}}</p>
        </footer>
        </body>
        </html>

        """

    static let homeLayout = """
        {{<base}}
        {{$title}}{{site.title}}{{/title}}
        {{$main}}
        <h1>{{page.title}}</h1>
        {{{page.content}}}
        {{#site.sections.posts}}
        <section aria-labelledby="latest-posts">
          <h2 id="latest-posts">{{title}}</h2>
          <ul class="page-list">
            {{#pages}}
            <li><a href="{{url}}">{{title}}</a>{{#date_display}} <time datetime="{{date}}">{{date_display}}</time>{{/date_display}}</li>
            {{/pages}}
          </ul>
        </section>
        {{/site.sections.posts}}
        {{/main}}
        {{/base}}

        """

    static let singleLayout = """
        {{<base}}
        {{$main}}
        <article>
          <h1>{{page.title}}</h1>
          {{#page.date_display}}<p class="meta"><time datetime="{{page.date}}">{{page.date_display}}</time></p>{{/page.date_display}}
          {{{page.content}}}
        </article>
        {{/main}}
        {{/base}}

        """

    static let listLayout = """
        {{<base}}
        {{$main}}
        <h1>{{page.title}}</h1>
        {{{page.content}}}
        <ul class="page-list">
          {{#section.pages}}
          <li><a href="{{url}}">{{title}}</a>{{#date_display}} <time datetime="{{date}}">{{date_display}}</time>{{/date_display}}</li>
          {{/section.pages}}
        </ul>
        {{/main}}
        {{/base}}

        """

    static let notFoundLayout = """
        {{<base}}
        {{$title}}Page not found · {{site.title}}{{/title}}
        {{$main}}
        <h1>Page not found</h1>
        <p>There is no page at this address. <a href="{{site.home_url}}">Go to the home page</a>.</p>
        {{/main}}
        {{/base}}

        """

    static let styleSheet = """
        /* The starter theme: system fonts, no external resources, text contrast of at least 4.5:1. */

        :root {
          --ink: #1f2328;
          --muted: #57606a;
          --link: #0b57d0;
          --bg: #ffffff;
          --line: #d0d7de;
          --focus: #bf3989;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          line-height: 1.6;
          color: var(--ink);
          background: var(--bg);
        }

        body {
          max-width: 42rem;
          margin: 0 auto;
          padding: 0 1rem;
        }

        a {
          color: var(--link);
        }

        /* Keyboard users always see where they are. */
        :focus-visible {
          outline: 3px solid var(--focus);
          outline-offset: 2px;
        }

        .skip-link {
          position: absolute;
          left: -999rem;
        }

        .skip-link:focus {
          position: static;
          display: inline-block;
          padding: 0.5rem;
        }

        .site-header {
          display: flex;
          flex-wrap: wrap;
          align-items: baseline;
          justify-content: space-between;
          border-bottom: 1px solid var(--line);
        }

        .site-title {
          font-weight: 700;
        }

        .site-header ul {
          display: flex;
          gap: 1rem;
          margin: 0;
          padding: 0;
          list-style: none;
        }

        [aria-current="page"] {
          font-weight: 700;
        }

        .meta,
        time,
        .site-footer {
          color: var(--muted);
        }

        .site-footer {
          margin-top: 3rem;
          border-top: 1px solid var(--line);
        }

        @media (prefers-color-scheme: dark) {
          :root {
            --ink: #e6edf3;
            --muted: #9da7b3;
            --link: #79b8ff;
            --bg: #0d1117;
            --line: #30363d;
            --focus: #f778ba;
          }
        }

        """
}
