/*
 * The floor for a static site build: read every Markdown file under a content folder, render its
 * body (after the front matter) with cmark_markdown_to_html, write one index.html per page.
 * One core, no templates, no front matter parsing: what no generator built on cmark can beat.
 *
 * Build: gcc -O2 -o floor Benchmarks/floor.c -lcmark
 * Usage: floor CONTENT_DIR OUTPUT_DIR
 * Prints the time of each phase (read, cmark, write) and the total, in seconds.
 */
#define _GNU_SOURCE
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    char *path;      /* relative to the content folder */
    char *text;      /* the whole file */
    size_t length;
    char *html;
} Page;

static Page *pages;
static size_t page_count, page_capacity;
static size_t root_length;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int collect(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info; (void)walk;
    size_t length = strlen(path);
    if (type != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
    if (page_count == page_capacity) {
        page_capacity = page_capacity ? page_capacity * 2 : 1024;
        pages = realloc(pages, page_capacity * sizeof *pages);
        if (!pages) { perror("realloc"); exit(1); }
    }
    pages[page_count++] = (Page){ .path = strdup(path + root_length + 1) };
    return 0;
}

static char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { perror(path); exit(1); }
    struct stat info;
    if (fstat(fd, &info) != 0) { perror(path); exit(1); }
    char *data = malloc((size_t)info.st_size + 1);
    size_t filled = 0;
    while (filled < (size_t)info.st_size) {
        ssize_t count = read(fd, data + filled, (size_t)info.st_size - filled);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) { perror(path); exit(1); }
        filled += (size_t)count;
    }
    close(fd);
    data[filled] = 0;
    *length = filled;
    return data;
}

/* The Markdown after a leading "---" ... "---" block, or the whole text. */
static const char *body(const char *text, size_t *length) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    if (!end) return text;
    const char *start = end + 5;
    *length -= (size_t)(start - text);
    return start;
}

static void make_folders(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
        *slash = '/';
    }
}

static void write_file(const char *path, const char *data, size_t length) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) { perror(path); exit(1); }
    size_t done = 0;
    while (done < length) {
        ssize_t count = write(fd, data + done, length - done);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) { perror(path); exit(1); }
        done += (size_t)count;
    }
    close(fd);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONTENT_DIR OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    const char *root = argv[1], *output = argv[2];
    root_length = strlen(root);
    while (root_length > 1 && root[root_length - 1] == '/') root_length--;

    double start = now();
    if (nftw(root, collect, 32, FTW_PHYS) != 0) { perror(root); return 1; }
    char path[4096];
    size_t bytes = 0;
    for (size_t i = 0; i < page_count; i++) {
        snprintf(path, sizeof path, "%.*s/%s", (int)root_length, root, pages[i].path);
        pages[i].text = read_file(path, &pages[i].length);
        bytes += pages[i].length;
    }
    double read_done = now();

    for (size_t i = 0; i < page_count; i++) {
        size_t length = pages[i].length;
        const char *markdown = body(pages[i].text, &length);
        pages[i].html = cmark_markdown_to_html(markdown, length, CMARK_OPT_DEFAULT);
    }
    double render_done = now();

    for (size_t i = 0; i < page_count; i++) {
        /* news/x.md -> OUTPUT/news/x/index.html */
        size_t stem = strlen(pages[i].path) - 3;
        snprintf(path, sizeof path, "%s/%.*s/index.html", output, (int)stem, pages[i].path);
        make_folders(path);
        write_file(path, pages[i].html, strlen(pages[i].html));
    }
    double write_done = now();

    printf("%zu pages, %.1f MB: read %.3f s, cmark %.3f s, write %.3f s, total %.3f s\n", page_count, bytes / 1e6,
           read_done - start, render_done - read_done, write_done - render_done, write_done - start);
    return 0;
}
