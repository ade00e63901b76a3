package io.conformity.declaration.internal.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs made with PDFBox for the signing tests; the text is left uncompressed so a test can find it. */
final class SamplePdfs {

    static final String TEXT = "Statement of Compliance";

    private SamplePdfs() {}

    static byte[] plain() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                text(content);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tagged as a PDF/UA renderer tags: Document > P with marked content, and a parent tree. */
    static byte[] tagged() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDStructureTreeRoot root = new PDStructureTreeRoot();
            document.getDocumentCatalog().setStructureTreeRoot(root);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            document.getDocumentCatalog().setMarkInfo(markInfo);
            PDStructureElement documentElement = new PDStructureElement("Document", root);
            root.appendKid(documentElement);
            PDStructureElement paragraph = new PDStructureElement("P", documentElement);
            paragraph.setPage(page);
            paragraph.appendKid(0);
            documentElement.appendKid(paragraph);
            page.getCOSObject().setInt(COSName.STRUCT_PARENTS, 0);
            COSArray marked = new COSArray();
            marked.add(paragraph);
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDStructureElement.class);
            COSArray nums = new COSArray();
            nums.add(COSInteger.get(0));
            nums.add(marked);
            parentTree.getCOSObject().setItem(COSName.NUMS, nums);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(1);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginMarkedContent(COSName.P, 0);
                text(content);
                content.endMarkedContent();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream content) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 760);
        content.showText(TEXT);
        content.endText();
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
