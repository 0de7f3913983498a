// placeholder until the SiteKit implementation lands
