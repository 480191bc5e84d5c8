extension ListRow: JSONWritable {
    func write(to json: inout JSONTextWriter) {
        json.object { json in
            json.field("credit", credit)
            json.field("flagged", flagged)
            json.field("id", id)
            json.field("index", index)
            json.field("read", read)
            json.field("readingMinutes", readingMinutes)
            json.field("source", source)
            json.field("sourcePath", sourcePath)
            json.field("title", title)
            json.field("wordCount", wordCount)
        }
    }
}
