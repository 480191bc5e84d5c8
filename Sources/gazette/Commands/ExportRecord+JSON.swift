extension ExportRecord: JSONWritable {
    func write(to json: inout JSONTextWriter) {
        json.object { json in
            json.field("caption", caption)
            json.field("credit", credit)
            json.field("date", date)
            json.field("flagged", flagged)
            json.field("id", id)
            json.field("link", link)
            json.field("links", links)
            json.field("paragraphs", paragraphs)
            json.field("read", read)
            json.field("readingMinutes", readingMinutes)
            json.field("source", source)
            json.field("sourcePath", sourcePath)
            json.field("title", title)
            json.field("wordCount", wordCount)
        }
    }
}
