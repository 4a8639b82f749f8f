/// A newsletter-style HTML e-mail of about 20 KB: a style sheet, a layout table, headings,
/// paragraphs with links and emphasis, a list and a data table, the mix that mail clients send.
enum SyntheticEmail {
    static let html: String = {
        var html = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Quarterly account review</title>
            <style>body{font-family:Arial,sans-serif} .muted{color:#777} td{padding:4px}</style>
            </head><body>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
            <table role="presentation" width="600"><tr><td>

            """
        var section = 0
        while html.utf8.count < 19_000 {
            section += 1
            html += """
                <h2>Section \(section): renewal and usage</h2>
                <p>Hello team, this is the summary of account activity for period \(section). Usage grew by
                <b>\(section * 3)%</b> over the previous quarter and the open cases were resolved within the agreed
                time. See the <a href="https://example.com/reports/\(section)">full report</a> for details.</p>
                <p class="muted">Our records show the contract renews on the first business day of the next
                quarter. Reply to this message if the billing contact has changed.</p>
                <ul><li>Seats in use: \(120 + section)</li><li>Integrations: \(section % 5 + 2)</li>
                <li>Support tier: <i>Premier</i></li></ul>
                <table border="1"><tr><th>Metric</th><th>Previous</th><th>Current</th></tr>
                <tr><td>API calls</td><td>\(section * 1000)</td><td>\(section * 1100)</td></tr>
                <tr><td>Storage (GB)</td><td>\(section * 7)</td><td>\(section * 8)</td></tr></table>

                """
        }
        html += """
            <p>Kind regards,<br>Customer Success</p>
            </td></tr></table></td></tr></table></body></html>
            """
        return html
    }()
}
