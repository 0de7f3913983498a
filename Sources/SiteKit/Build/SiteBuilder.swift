/// `sitegen build` and `sitegen check`: one streaming run of the build pipeline (`BuildPipeline`),
/// everything marked, pages written into the staging folder as they render (or kept in memory for
/// `check`), the output folder replaced only when no stage found an error.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        BuildPipeline(options: options, keepsResults: false).build()
    }
}
