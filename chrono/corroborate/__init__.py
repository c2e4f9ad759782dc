"""Many sources, one event: source grades, independence, disagreeing dates, likely
duplicates and merging them.

Pure functions over events and the bibliography; the CLI and the pipeline call them.
`grades` reads the Admiralty scale, `independence` counts independent sources,
`disagree` finds citations whose dates cannot all be true, `duplicates` finds likely
duplicate pairs, `fold` combines events in memory and `merge` plans a merged file.
"""
